package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/**
 * The built-in scenario library ({@code scenarios/}): every file reads, every step of every file
 * passes on a fresh in-memory lab, every file is written for a class (a description, a narration on
 * every step, expectations on most steps), and together the files use — and show working — every
 * request key of scenario-format.md. (That each file survives being written back is
 * {@link LibraryRoundTripTest}'s.)
 */
class LibraryTest {

    private static final Path LIBRARY = Path.of("scenarios");

    /** The request keys of scenario-format.md, in its order. */
    private static final List<String> REQUEST_KEYS = List.of("createPartition", "deletePartition", "createSubnet",
            "deleteSubnet", "setRoute", "createSecurityGroup", "deleteSecurityGroup", "authorize", "revoke",
            "addPlatform", "setNic", "launch", "place", "start", "stop", "terminate", "move", "createInterface",
            "deleteInterface", "attach", "detach", "modifyInterface", "assignIps", "unassignIps",
            "associatePublicIp", "disassociatePublicIp", "grantPermission", "revokePermission", "describe", "trace",
            "propagate");

    /** The step key of each request a scenario can send, spelled as scenario-format.md spells it. */
    private static final Map<Class<? extends Request>, String> KEY_OF_REQUEST = Map.ofEntries(
            Map.entry(Request.CreatePartition.class, "createPartition"),
            Map.entry(Request.DeletePartition.class, "deletePartition"),
            Map.entry(Request.CreateSubnet.class, "createSubnet"),
            Map.entry(Request.DeleteSubnet.class, "deleteSubnet"),
            Map.entry(Request.SetRoute.class, "setRoute"),
            Map.entry(Request.CreateSecurityGroup.class, "createSecurityGroup"),
            Map.entry(Request.DeleteSecurityGroup.class, "deleteSecurityGroup"),
            Map.entry(Request.Authorize.class, "authorize"),
            Map.entry(Request.Revoke.class, "revoke"),
            Map.entry(Request.AddPlatform.class, "addPlatform"),
            Map.entry(Request.SetNic.class, "setNic"),
            Map.entry(Request.Launch.class, "launch"),
            Map.entry(Request.Place.class, "place"),
            Map.entry(Request.Start.class, "start"),
            Map.entry(Request.Stop.class, "stop"),
            Map.entry(Request.Terminate.class, "terminate"),
            Map.entry(Request.Move.class, "move"),
            Map.entry(Request.CreateInterface.class, "createInterface"),
            Map.entry(Request.DeleteInterface.class, "deleteInterface"),
            Map.entry(Request.Attach.class, "attach"),
            Map.entry(Request.Detach.class, "detach"),
            Map.entry(Request.ModifyInterface.class, "modifyInterface"),
            Map.entry(Request.ModifyAttachment.class, "modifyInterface"),
            Map.entry(Request.AssignIps.class, "assignIps"),
            Map.entry(Request.UnassignIps.class, "unassignIps"),
            Map.entry(Request.AssociatePublicIp.class, "associatePublicIp"),
            Map.entry(Request.DisassociatePublicIp.class, "disassociatePublicIp"),
            Map.entry(Request.GrantPermission.class, "grantPermission"),
            Map.entry(Request.RevokePermission.class, "revokePermission"),
            Map.entry(Request.Describe.class, "describe"));

    /** Each file is read and run once, whichever test asks first. */
    private static final Map<Path, RunReport> REPORTS = new LinkedHashMap<>();

    private static List<Path> files() {
        try (Stream<Path> listing = Files.list(LIBRARY)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized RunReport report(Path file) {
        return REPORTS.computeIfAbsent(file, f -> {
            Scenario scenario = ScenarioReader.read(f);
            try (Lab lab = Lab.open(H2Repository.inMemory())) {
                return new ScenarioRun(scenario, lab).runAll(f.toString());
            }
        });
    }

    /** The request key a step sends, or empty for a step whose parameters did not parse (never sent). */
    private static Optional<String> keyOf(Step step) {
        Step.Action action = step.action();
        if (action instanceof Step.Submit submit) {
            Request request = submit.submission().request();
            String key = KEY_OF_REQUEST.get(request.getClass());
            assertThat(key).as("a step sends %s, which has no step key", request.getClass().getSimpleName()).isNotNull();
            return Optional.of(key);
        }
        if (action instanceof Step.TraceFlow) {
            return Optional.of("trace");
        }
        if (action instanceof Step.Propagate) {
            return Optional.of("propagate");
        }
        return Optional.empty();
    }

    private static String failures(RunReport report) {
        return report.steps().stream().filter(r -> !r.passed())
                .map(r -> report.source() + " step " + r.step().index() + " (line " + r.step().line() + ", "
                        + r.step().action().describe() + "): " + r.answer() + "\n    "
                        + String.join("\n    ", r.failures()))
                .collect(Collectors.joining("\n"));
    }

    @TestFactory
    Stream<DynamicTest> everyStepOfEveryScenarioPasses() {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            RunReport report = report(file);
            assertThat(report.steps()).as("steps of %s", file).isNotEmpty();
            assertThat(report.failed()).as("failed steps of %s:%n%s", file, failures(report)).isZero();
        }));
    }

    @Test
    void theLibraryHasAtLeastFifteenLessons() {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void everyLessonHasADescriptionAndNarratesEveryStep() {
        List<String> missing = new ArrayList<>();
        for (Path file : files()) {
            Scenario scenario = ScenarioReader.read(file);
            if (scenario.description().map(String::isBlank).orElse(true)) {
                missing.add(file + ": no description");
            }
            for (Step step : scenario.steps()) {
                if (step.narration().map(String::isBlank).orElse(true)) {
                    missing.add(file + " step " + step.index() + " (line " + step.line() + "): no narration");
                }
            }
        }
        assertThat(missing).as("what a class would miss").isEmpty();
    }

    @Test
    void mostStepsOfEveryLessonExpectMoreThanSuccess() {
        List<String> thin = new ArrayList<>();
        for (Path file : files()) {
            Scenario scenario = ScenarioReader.read(file);
            long checked = scenario.steps().stream().filter(s -> !s.expect().isEmpty()).count();
            if (checked * 4 < scenario.steps().size() * 3L) {
                thin.add(file + ": " + checked + " of " + scenario.steps().size() + " steps expect something");
            }
        }
        assertThat(thin).as("lessons whose steps are mostly unchecked").isEmpty();
    }

    @Test
    void theLibraryUsesEveryRequestKeyAndShowsEachOneWorking() {
        Set<String> used = new TreeSet<>();
        Set<String> working = new TreeSet<>();
        for (Path file : files()) {
            RunReport report = report(file);
            for (StepResult result : report.steps()) {
                Optional<String> key = keyOf(result.step());
                if (key.isEmpty()) {
                    continue;
                }
                used.add(key.get());
                boolean accepted = result.outcome().map(Outcome::isAccepted).orElse(result.trace().isPresent()
                        || result.step().action() instanceof Step.Propagate);
                if (accepted && result.passed()) {
                    working.add(key.get());
                }
            }
        }
        assertThat(used).as("request keys used by some step").containsAll(REQUEST_KEYS);
        assertThat(working).as("request keys accepted (and as expected) in some step").containsAll(REQUEST_KEYS);
    }
}
