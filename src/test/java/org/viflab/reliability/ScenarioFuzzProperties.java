package org.viflab.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.viflab.coordinator.CoordinatorInvariantsProperties;
import org.viflab.coordinator.Outcome;
import org.viflab.lab.Lab;
import org.viflab.model.Topology;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioReader;
import org.viflab.store.H2Repository;

/**
 * The library's scenario files (and the test scenarios), changed the way files go wrong (see
 * {@link ScenarioMutation}), one to four changes at a time: reading one either succeeds or throws a
 * {@link ScenarioException} that says where ({@code file:line:col}, line and column from 1) — never
 * another exception, and never taking more than {@link #SECONDS_PER_CASE} seconds. A mutant that
 * reads builds its topology in a fresh lab all or nothing: accepted with the lab's invariants true,
 * or rejected with the lab as empty as before.
 */
class ScenarioFuzzProperties {

    static final long SECONDS_PER_CASE = 5;

    private static final List<Seed> SEEDS = seeds();
    private static final AtomicLong CASES = new AtomicLong();
    private static final AtomicLong READ = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong BUILT = new AtomicLong();
    private static final AtomicLong NOT_BUILT = new AtomicLong();
    private static ExecutorService reader = newReader();

    record Seed(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 10_000)
    void readingAMutantSucceedsOrSaysWhere(@ForAll("seed") Seed seed,
                                           @ForAll("mutations") List<ScenarioMutation> mutations) {
        read(seed, mutations);
    }

    @Property(tries = 400)
    void aMutantThatReadsBuildsItsTopologyAllOrNothing(@ForAll("seed") Seed seed,
                                                       @ForAll("oneMutation") List<ScenarioMutation> mutations) {
        Scenario scenario = read(seed, mutations);
        if (scenario == null) {
            return;
        }
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            Topology empty = lab.snapshot();
            List<Outcome> outcomes = within(() -> lab.submitBatch(scenario.setup()), "building " + seed);
            if (outcomes.stream().allMatch(Outcome::isAccepted)) {
                BUILT.incrementAndGet();
                CoordinatorInvariantsProperties.assertInvariants(lab.snapshot());
                assertThat(lab.realized()).isTrue();
            } else {
                NOT_BUILT.incrementAndGet();
                assertThat(lab.snapshot()).as("after %s", outcomes.get(outcomes.size() - 1)).isEqualTo(empty);
                assertThat(lab.journal()).isEmpty();
            }
        }
    }

    /** Reads the mutant; returns the scenario, or {@code null} when it was refused with a location. */
    private static Scenario read(Seed seed, List<ScenarioMutation> mutations) {
        byte[] content = seed.content();
        for (ScenarioMutation mutation : mutations) {
            content = mutation.apply(content);
        }
        byte[] mutant = content;
        String name = "mutant-" + seed.name();
        CASES.incrementAndGet();
        try {
            Scenario scenario = within(() -> ScenarioReader.parse(name, mutant), name);
            READ.incrementAndGet();
            return scenario;
        } catch (ScenarioException e) {
            REFUSED.incrementAndGet();
            assertThat(e.line()).as(e.getMessage()).isGreaterThanOrEqualTo(1);
            assertThat(e.column()).as(e.getMessage()).isGreaterThanOrEqualTo(1);
            assertThat(e.source()).isEqualTo(name);
            assertThat(e.getMessage()).startsWith(name + ":" + e.line() + ":" + e.column() + ": ");
            assertThat(e.reason()).isNotBlank();
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("reading " + name + " after " + mutations + " threw " + e + " instead of a"
                    + " located ScenarioException; the file began:\n" + preview(mutant), e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run();
    }

    /** Runs {@code work} on the reader thread, failing if it takes longer than a case may. */
    private static <T> T within(Work<T> work, String what) {
        Future<T> future = reader.submit(work::run);
        try {
            return future.get(SECONDS_PER_CASE, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            reader.shutdownNow();
            reader = newReader();
            throw new AssertionError(what + " took more than " + SECONDS_PER_CASE + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static ExecutorService newReader() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "scenario-fuzz-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String preview(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
    }

    @AfterContainer
    static void report() {
        System.out.printf("scenario fuzz: %d seed files, %d mutants read: %d read, %d refused with a location;"
                        + " of those read and built, %d built, %d rejected with nothing changed%n", SEEDS.size(),
                CASES.get(), READ.get(), REFUSED.get(), BUILT.get(), NOT_BUILT.get());
    }

    @Provide
    Arbitrary<Seed> seed() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<ScenarioMutation>> mutations() {
        return ScenarioMutation.any().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<ScenarioMutation>> oneMutation() {
        return ScenarioMutation.any().list().ofSize(1);
    }

    /** The scenario library and the test scenarios: every YAML and JSON file of them. */
    private static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (Path folder : List.of(Path.of("scenarios"), Path.of("src", "test", "resources", "scenario"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                        seeds.add(new Seed(name, Files.readAllBytes(file)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(seeds).as("scenario files to start from").isNotEmpty();
        for (Seed seed : seeds) {
            // The originals read: a failure below is the mutation's doing.
            ScenarioReader.parse(seed.name(), seed.content());
        }
        return List.copyOf(seeds);
    }
}
