package org.viflab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.viflab.bench.Benchmarks;
import org.viflab.bench.Figure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code viflab bench}: measures VIF Lab against baselines run on the same machine, and prints a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the performance benchmarks and print a table: figure, value, baseline, ratio, target, verdict.")
final class BenchCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Option(names = "--quick", description = "Smaller labs and fewer iterations (under a minute).")
    boolean quick;

    @Option(names = "--json", description = "Print the table as JSON, one object per figure.")
    boolean json;

    @Option(names = "--interfaces", description = "Interface records in the generated labs (default 10000).")
    Integer interfaces;

    @Option(names = "--instances", description = "Instances in the generated labs (default 2000).")
    Integer instances;

    @Option(names = "--canvas-only", description = "Measure only the canvas (opening, panning, attaching).")
    boolean canvasOnly;

    BenchCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Benchmarks.Settings settings = quick ? Benchmarks.Settings.quick() : Benchmarks.Settings.full();
        if (interfaces != null || instances != null) {
            settings = settings.withSize(instances == null ? settings.instances() : instances,
                    interfaces == null ? settings.interfaces() : interfaces);
        }
        List<Figure> figures = new ArrayList<>(canvasOnly ? List.of() : Benchmarks.run(settings));
        for (CommandLineInterface.ExtraBenchmark extra : cli.extraBenchmarks()) {
            figures.addAll(extra.run(settings.instances(), settings.interfaces()));
        }
        if (json) {
            cli.out().println(Json.figures(figures));
        } else {
            cli.out().print(table(figures));
        }
        return CommandLineInterface.OK;
    }

    static String table(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-62s %14s %14s %8s %10s %s%n", "figure", "value", "baseline", "ratio",
                "target", "verdict"));
        for (Figure f : figures) {
            String target = f.target().isEmpty() ? "-" : (f.higherIsBetter() && f.baseline().isPresent()
                    ? "≥" + String.format(Locale.ROOT, "%.2f", f.target().getAsDouble()) + "×"
                    : (f.higherIsBetter() ? "≥" : "<") + String.format(Locale.ROOT, "%.3g", f.target().getAsDouble()));
            out.append(String.format(Locale.ROOT, "%-62s %14s %14s %8s %10s %s%n", f.name(),
                    String.format(Locale.ROOT, "%.3f %s", f.value(), f.unit()),
                    f.baseline().isPresent() ? String.format(Locale.ROOT, "%.1f", f.baseline().getAsDouble()) : "-",
                    f.ratio().isPresent() ? String.format(Locale.ROOT, "%.2f", f.ratio().getAsDouble()) : "-",
                    target, f.pass() ? "PASS" : "MISS"));
        }
        return out.toString();
    }
}
