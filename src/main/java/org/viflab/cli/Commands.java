package org.viflab.cli;

import java.util.List;

/** The commands besides {@code gui}, each in a class of its own. */
final class Commands {

    private Commands() {
    }

    static List<Object> all(CommandLineInterface cli) {
        return List.of(new RunCommand(cli), new CheckCommand(cli), new TraceCommand(cli), new DescribeCommand(cli),
                new ImportAwsCommand(cli), new BenchCommand(cli));
    }
}
