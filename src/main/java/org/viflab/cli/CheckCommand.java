package org.viflab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code viflab check FILE...}: validates scenario files (syntax, keys, references) without running them. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate scenario files only (syntax, keys, references); run nothing.",
                "Exit code: 0 all valid, 2 a file is invalid."})
final class CheckCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML or JSON).")
    List<Path> files;

    CheckCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        int code = CommandLineInterface.OK;
        for (Path file : files) {
            try {
                Scenario scenario = ScenarioReader.read(file);
                cli.out().println("ok   " + file + ": " + scenario.title() + " (" + scenario.steps().size() + " steps)");
            } catch (ScenarioException e) {
                cli.err().println(e.getMessage());
                code = CommandLineInterface.INVALID_INPUT;
            }
        }
        return code;
    }
}
