package org.viflab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository;
import org.viflab.lab.Lab;
import org.viflab.lab.LabGenerator;
import org.viflab.model.Topology;
import org.viflab.scenario.LabSnapshot;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioReader;
import org.viflab.scenario.ScenarioRun;
import org.viflab.scenario.ScenarioWriter;
import org.viflab.store.H2Repository;

/**
 * Loading a large scenario: a generated lab written as a scenario file, then read and applied to an
 * in-memory lab (the time a teacher waits when opening it), and the heap that lab takes.
 */
public final class ScenarioBenchmark {

    private ScenarioBenchmark() {
    }

    public static List<Figure> run(int instances, int interfaces, int rounds) {
        Scenario generated = LabSnapshot.scenarioOf(LabGenerator.generate(instances, interfaces).topology(), "generated");
        String text = ScenarioWriter.write(generated);
        List<Figure> figures = new ArrayList<>();
        Timing load = new Timing(rounds);
        Timing parse = new Timing(rounds);
        Timing open = new Timing(rounds);
        Timing apply = new Timing(rounds);
        Timing commit = new Timing(rounds);
        Timing write = new Timing(rounds);
        for (int round = 0; round < rounds + 1; round++) {
            long start = System.nanoTime();
            Scenario read = ScenarioReader.parse("generated.yaml", text);
            long parsed = System.nanoTime();
            TimedCommits repository = new TimedCommits(H2Repository.inMemory());
            try (Lab lab = Lab.open(repository)) {
                long opened = System.nanoTime();
                new ScenarioRun(read, lab).start();
                long loaded = System.nanoTime();
                String written = ScenarioWriter.write(LabSnapshot.scenarioOf(lab.snapshot(), "saved"));
                long wrote = System.nanoTime();
                if (round > 0) {
                    load.add(loaded - start);
                    parse.add(parsed - start);
                    open.add(opened - parsed);
                    apply.add(loaded - opened);
                    commit.add(repository.nanos);
                    write.add(wrote - loaded);
                }
                if (written.isEmpty()) {
                    throw new IllegalStateException("nothing written");
                }
            }
        }
        figures.add(new Figure("load a scenario of " + interfaces + " interfaces, " + instances + " instances",
                load.median() / 1e9, "s", OptionalDouble.empty(), OptionalDouble.of(2), false,
                "read the YAML (" + text.length() / 1024 + " KiB) and apply its topology to an in-memory lab"));
        figures.add(new Figure("  of which reading the file", parse.median() / 1e9, "s", OptionalDouble.empty(),
                OptionalDouble.empty(), false, "ScenarioReader.parse of the YAML text"));
        figures.add(new Figure("  of which opening the lab", open.median() / 1e9, "s", OptionalDouble.empty(),
                OptionalDouble.empty(), false, "a new in-memory database with its schema, and the lab on it"));
        figures.add(new Figure("  of which applying the topology", apply.median() / 1e9, "s", OptionalDouble.empty(),
                OptionalDouble.empty(), false, "ScenarioRun.start: the coordinator's batch, the database commit, the fabric"));
        figures.add(new Figure("    of which the database commit", commit.median() / 1e9, "s", OptionalDouble.empty(),
                OptionalDouble.empty(), false, "the repository writing the batch's objects and journal in one transaction"));
        figures.add(new Figure("write that lab back as a scenario", write.median() / 1e9, "s", OptionalDouble.empty(),
                OptionalDouble.empty(), false, "the lab's snapshot to YAML text"));
        figures.add(memory(generated, interfaces));
        return figures;
    }

    /** A repository that adds up the time its commits take. */
    private static final class TimedCommits implements Repository {
        private final Repository delegate;
        long nanos;

        TimedCommits(Repository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Topology load() {
            return delegate.load();
        }

        @Override
        public long version() {
            return delegate.version();
        }

        @Override
        public void commitAll(long expectedVersion, Topology after, Set<Object> touched, List<JournalEntry> entries) {
            long start = System.nanoTime();
            try {
                delegate.commitAll(expectedVersion, after, touched, entries);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public List<JournalEntry> journal() {
            return delegate.journal();
        }

        @Override
        public Optional<JournalEntry> findByClientToken(String clientToken) {
            return delegate.findByClientToken(clientToken);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static Figure memory(Scenario scenario, int interfaces) {
        long before = usedHeap();
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            new ScenarioRun(scenario, lab).start();
            long after = usedHeap();
            if (lab.snapshot().interfaces().size() != interfaces) {
                throw new IllegalStateException("the lab holds " + lab.snapshot().interfaces().size() + " interfaces");
            }
            return new Figure("heap used by a " + interfaces + "-interface lab", (after - before) / 1e6, "MB",
                    OptionalDouble.empty(), OptionalDouble.of(200), false,
                    "snapshot, fabric, indexes and the in-memory database, after a full GC");
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
