package org.viflab.ui;

import java.util.Locale;
import org.viflab.bench.Figure;

/** Runs the canvas benchmark and prints its figures (run under a display, e.g. {@code xvfb-run}). */
public final class BenchHarness {

    private BenchHarness() {
    }

    public static void main(String[] args) {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int interfaces = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        for (Figure f : VifLabApp.benchmark(instances, interfaces)) {
            System.out.printf(Locale.ROOT, "%-66s %10.3f %-4s target %-8s %s  (%s)%n", f.name(), f.value(), f.unit(),
                    f.target().isPresent() ? String.valueOf(f.target().getAsDouble()) : "-", f.pass() ? "PASS" : "MISS",
                    f.meaning());
        }
        System.exit(0);
    }
}
