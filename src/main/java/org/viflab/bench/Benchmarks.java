package org.viflab.bench;

import java.util.ArrayList;
import java.util.List;

/** Every benchmark of {@code viflab bench}, at a chosen size. */
public final class Benchmarks {

    /**
     * Sizes of one run.
     *
     * @param instances  instances of the generated labs
     * @param interfaces interface records of the generated labs
     * @param pairs      attach+detach pairs timed per database
     * @param quickFlows fewer traces and watched-flow rounds
     * @param loadRounds times the big scenario is loaded (the median is reported)
     */
    public record Settings(int instances, int interfaces, int pairs, boolean quickFlows, int loadRounds) {

        /** The sizes of the issue: 2,000 instances and 10,000 interfaces. */
        public static Settings full() {
            return new Settings(2000, 10000, 2000, false, 3);
        }

        /** The same labs with fewer iterations: under a minute. */
        public static Settings quick() {
            return new Settings(2000, 10000, 600, true, 1);
        }

        /** Small labs, for checking the table's shape in a test. */
        public static Settings tiny() {
            return new Settings(40, 200, 20, true, 1);
        }

        public Settings withSize(int newInstances, int newInterfaces) {
            return new Settings(newInstances, newInterfaces, pairs, quickFlows, loadRounds);
        }
    }

    private Benchmarks() {
    }

    public static List<Figure> run(Settings settings) {
        List<Figure> figures = new ArrayList<>(CoordinatorBenchmark.run(settings.instances(), settings.interfaces(),
                settings.pairs()));
        figures.addAll(FlowBenchmark.run(settings.quickFlows()));
        figures.addAll(ScenarioBenchmark.run(settings.instances(), settings.interfaces(), settings.loadRounds()));
        return figures;
    }
}
