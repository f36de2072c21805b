package org.viflab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Repository;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.lab.LabGenerator;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.store.H2Repository;

/**
 * The coordinator's figures: attach+detach pairs per second on the file and the in-memory database,
 * each beside a raw JDBC loop that commits one row insert and one row delete per pair on the same
 * database with the same durability settings; and describe with filters over a large lab.
 */
public final class CoordinatorBenchmark {

    /** Turns of the coordinator and the raw loop; each reports the median of its turns' rates. */
    static final int ROUNDS = 10;

    private CoordinatorBenchmark() {
    }

    /**
     * @param instances  instances of the generated lab
     * @param interfaces interface records of the generated lab
     * @param pairs      attach+detach pairs to time, after as many again to warm up; the coordinator
     *                   and the raw loop run in {@value #ROUNDS} turns each
     */
    public static List<Figure> run(int instances, int interfaces, int pairs) {
        LabGenerator.Generated lab = LabGenerator.generate(instances, interfaces);
        List<Figure> figures = new ArrayList<>();
        Path dir = temporaryDirectory();
        try {
            try (H2Repository file = H2Repository.open(dir.resolve("bench"))) {
                figures.addAll(pairs(lab, file, "file", pairs));
            }
            try (H2Repository memory = H2Repository.inMemory()) {
                figures.addAll(pairs(lab, memory, "in-memory", pairs));
                figures.addAll(describe(memory, interfaces));
            }
        } finally {
            deleteRecursively(dir);
        }
        return figures;
    }

    private static List<Figure> pairs(LabGenerator.Generated lab, H2Repository repository, String where, int pairs) {
        load(repository, lab);
        Coordinator coordinator = new Coordinator(repository);
        List<InterfaceId> free = lab.freeInterfaces();
        List<InstanceId> instances = lab.instances();
        // Both loops warm up with as many pairs as they are timed with, then run in turns, so that
        // a machine that gets busier or quieter during the run weighs on both alike.
        attachDetach(coordinator, free, instances, pairs, 0);
        repository.rawJdbcBaseline(pairs);
        int turn = Math.max(1, pairs / ROUNDS);
        List<Double> coordinatorRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        for (int timed = 0; timed < pairs; timed += turn) {
            int n = Math.min(turn, pairs - timed);
            long start = System.nanoTime();
            attachDetach(coordinator, free, instances, n, 7 + timed);
            coordinatorRates.add(n / ((System.nanoTime() - start) / 1e9));
            rawRates.add(repository.rawJdbcBaseline(n));
        }
        double rate = median(coordinatorRates);
        double baseline = median(rawRates);
        return List.of(new Figure("attach+detach pairs/s (" + where + " database)", rate, "pairs/s",
                OptionalDouble.of(baseline), where.equals("file") ? OptionalDouble.of(1.0 / 3) : OptionalDouble.empty(), true,
                "coordinator attach then detach of a free record, each its own transaction, vs a raw JDBC "
                        + "loop committing one row insert and one row delete: medians of " + ROUNDS
                        + " turns each, after the same warm-up"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void attachDetach(Coordinator coordinator, List<InterfaceId> free, List<InstanceId> instances,
                                     int pairs, int offset) {
        org.viflab.model.Topology t = coordinator.snapshot();
        Map<String, List<InstanceId>> byZone = new java.util.HashMap<>();
        for (InstanceId id : instances) {
            byZone.computeIfAbsent(t.instances().get(id).zone(), z -> new ArrayList<>()).add(id);
        }
        for (int i = 0; i < pairs; i++) {
            InterfaceId record = free.get((i + offset) % free.size());
            List<InstanceId> sameZone = byZone.get(t.interfaces().get(record).zone());
            InstanceId instance = sameZone.get((i * 7 + offset) % sameZone.size());
            Outcome attached = coordinator.submit(Submission.of(Request.Attach.attach(record, instance)));
            if (!(attached instanceof Outcome.Accepted a)) {
                throw new IllegalStateException("benchmark attach rejected: " + attached);
            }
            Outcome detached = coordinator.submit(Submission.of(
                    Request.Detach.attachment(AttachmentId.attachmentId(a.createdId().orElseThrow()))));
            if (!detached.isAccepted()) {
                throw new IllegalStateException("benchmark detach rejected: " + detached);
            }
        }
    }

    private static List<Figure> describe(H2Repository repository, int interfaces) {
        Coordinator coordinator = new Coordinator(repository);
        Request.Describe query = new Request.Describe(Request.Kind.INTERFACES, List.of(), Map.of(
                "subnet-id", List.of("subnet-03"), "group-id", List.of("sg-web"), "status", List.of("in-use")));
        int runs = 400;
        // The JIT needs about a thousand answers before the times settle.
        int warmUp = 1000;
        Timing timing = new Timing(runs);
        for (int i = 0; i < runs + warmUp; i++) {
            long start = System.nanoTime();
            Outcome outcome = coordinator.submit(Submission.of(query));
            long took = System.nanoTime() - start;
            if (!outcome.isAccepted()) {
                throw new IllegalStateException("describe rejected: " + outcome);
            }
            if (i >= warmUp) {
                timing.add(took);
            }
        }
        return List.of(new Figure("describe with 3 filters on " + interfaces + " interfaces (median)",
                timing.median() / 1e6, "ms", OptionalDouble.empty(), OptionalDouble.of(1.0), false,
                "describe interfaces by subnet, group and status: the whole request, lock and version check included"));
    }

    /** Writes a generated lab into an empty repository in one transaction. */
    static void load(Repository repository, LabGenerator.Generated lab) {
        repository.commit(0, lab.topology(), lab.ids(), new JournalEntry(lab.topology().version(),
                org.viflab.model.Topology.OPERATOR, "load generated lab", "ok", java.time.Instant.now(),
                java.util.Optional.empty()));
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("viflab-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the benchmark", e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
