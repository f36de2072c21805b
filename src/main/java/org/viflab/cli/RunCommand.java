package org.viflab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.viflab.lab.Lab;
import org.viflab.scenario.RunReport;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioReader;
import org.viflab.scenario.ScenarioRun;
import org.viflab.scenario.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viflab run FILE...}: runs scenarios headless and checks their expectations. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run scenario files headless and check their expectations.",
                "Exit code: 0 all held, 1 some did not, 2 a file is invalid, 3 internal error."})
final class RunCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML or JSON).")
    List<Path> files;

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL",
            description = "Run on this lab instead of a fresh in-memory one (never the default lab unless named).")
    String database;

    @Option(names = "--json", description = "Print a machine-readable report.")
    boolean json;

    RunCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            try {
                scenarios.add(ScenarioReader.read(file));
            } catch (ScenarioException e) {
                cli.err().println(e.getMessage());
                return CommandLineInterface.INVALID_INPUT;
            }
        }
        List<RunReport> reports = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try (Lab lab = Labs.open(Optional.ofNullable(database))) {
                reports.add(new ScenarioRun(scenarios.get(i), lab).runAll(files.get(i).toString()));
            } catch (ScenarioException e) {
                cli.err().println(e.getMessage());
                return CommandLineInterface.INVALID_INPUT;
            }
            if (!json) {
                print(reports.get(i));
            }
        }
        long passed = reports.stream().mapToLong(RunReport::passed).sum();
        long failed = reports.stream().mapToLong(RunReport::failed).sum();
        if (json) {
            cli.out().println(Json.reports(reports, passed, failed));
        } else {
            cli.out().println(passed + " passed, " + failed + " failed");
        }
        return failed == 0 ? CommandLineInterface.OK : CommandLineInterface.EXPECTATIONS_FAILED;
    }

    private void print(RunReport report) {
        cli.out().println(report.source() + ": " + report.scenario().title());
        for (StepResult step : report.steps()) {
            cli.out().printf("  %s %2d %s%n", step.passed() ? "PASS" : "FAIL", step.step().index(),
                    step.step().action().describe());
            if (!step.passed()) {
                cli.out().println("         " + step.answer());
                for (String failure : step.failures()) {
                    cli.out().println("         " + failure);
                }
            }
        }
        cli.out().printf("  %s: %d passed, %d failed%n", report.allPassed() ? "ok" : "FAILED", report.passed(),
                report.failed());
    }
}
