package org.viflab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Parses and runs {@code viflab} commands. */
public final class CommandLineInterface {

    /** Exit codes of every command. */
    public static final int OK = 0;
    public static final int EXPECTATIONS_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    private GuiLaunch guiLaunch;
    private final java.util.List<ExtraBenchmark> extraBenchmarks = new java.util.ArrayList<>();

    /** Figures measured outside the command line's own packages (the canvas's, by the GUI). */
    @FunctionalInterface
    public interface ExtraBenchmark {
        java.util.List<org.viflab.bench.Figure> run(int instances, int interfaces);
    }
    private final PrintWriter out;
    private final PrintWriter err;

    public CommandLineInterface() {
        this(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public CommandLineInterface(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs a command line and returns its exit code; {@link #guiLaunch()} tells whether the app should start. */
    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Root(this));
        commandLine.addSubcommand(new Gui(this));
        for (Object command : Commands.all(this)) {
            commandLine.addSubcommand(command);
        }
        // After the subcommands: the streams are handed down only to those already added.
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Labs.Unusable refused) {
                err.println(refused.getMessage());
                return INVALID_INPUT;
            }
            err.println("internal error: " + e);
            return INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return INVALID_INPUT;
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The desktop app to start after {@code viflab} or {@code viflab gui}, or {@code null}. */
    public GuiLaunch guiLaunch() {
        return guiLaunch;
    }

    /** Adds figures that {@code viflab bench} measures besides its own (the canvas's, from the GUI). */
    public void addBenchmark(ExtraBenchmark benchmark) {
        extraBenchmarks.add(benchmark);
    }

    java.util.List<ExtraBenchmark> extraBenchmarks() {
        return extraBenchmarks;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    @Command(name = "viflab", mixinStandardHelpOptions = true, version = "VIF Lab 0.1",
            description = {"A simulator of a network interface virtualization coordinator.",
                    "Without a command, starts the desktop app on the default lab."})
    static final class Root implements Callable<Integer> {
        private final CommandLineInterface cli;

        Root(CommandLineInterface cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.guiLaunch = new GuiLaunch(Optional.empty(), Optional.empty());
            return OK;
        }
    }

    @Command(name = "gui", mixinStandardHelpOptions = true,
            description = "Start the desktop app, optionally on another lab and with a scenario open.")
    static final class Gui implements Callable<Integer> {
        private final CommandLineInterface cli;

        @Option(names = "--db", paramLabel = "PATH|JDBC-URL", description = "The lab to open (default: the default lab).")
        String database;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A scenario file to open.")
        Path scenario;

        Gui(CommandLineInterface cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.guiLaunch = new GuiLaunch(Optional.ofNullable(database), Optional.ofNullable(scenario));
            return OK;
        }
    }
}
