package org.viflab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.viflab.coordinator.DescribeAnswer;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viflab describe --db LAB KIND [--filter k=v,...] [--json]}. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"List objects of a saved lab, with AWS-style filters (AND across filters, OR within one).",
                "KIND: interfaces, instances, subnets, partitions, securityGroups, platforms, attachments."})
final class DescribeCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", description = "The lab (default: the default lab).")
    String database;

    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Option(names = "--filter", paramLabel = "NAME=VALUE[,VALUE...]",
            description = "A filter; repeat for more (e.g. --filter group-id=sg-web --filter status=in-use).")
    List<String> filters = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "Describe these ids only (an unknown one is an error).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--json", description = "Print the rows as JSON.")
    boolean json;

    DescribeCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Request.Kind parsedKind;
        Map<String, List<String>> parsedFilters = new LinkedHashMap<>();
        try {
            parsedKind = Request.Kind.parse(kind);
            for (String filter : filters) {
                int eq = filter.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a filter is NAME=VALUE[,VALUE...], not '" + filter + "'");
                }
                parsedFilters.computeIfAbsent(filter.substring(0, eq), k -> new ArrayList<>())
                        .addAll(List.of(filter.substring(eq + 1).split(",")));
            }
        } catch (IllegalArgumentException e) {
            cli.err().println(e.getMessage());
            return CommandLineInterface.INVALID_INPUT;
        }
        try (Lab lab = Labs.openOrDefault(Optional.ofNullable(database))) {
            Outcome outcome = lab.submit(Submission.of(new Request.Describe(parsedKind, ids, parsedFilters)))
                    .outcome().orElseThrow();
            if (outcome instanceof Outcome.Rejected rejected) {
                cli.err().println(rejected);
                return CommandLineInterface.INVALID_INPUT;
            }
            DescribeAnswer answer = ((Outcome.Accepted) outcome).answer().orElseThrow();
            if (json) {
                cli.out().println(Json.value(answer.rows()));
            } else {
                for (Map<String, Object> row : answer.rows()) {
                    cli.out().println(row.get("id"));
                    row.forEach((name, value) -> {
                        if (!name.equals("id")) {
                            cli.out().println("    " + name + ": " + value);
                        }
                    });
                }
                cli.out().println(answer.rows().size() + " " + parsedKind);
            }
            return CommandLineInterface.OK;
        }
    }
}
