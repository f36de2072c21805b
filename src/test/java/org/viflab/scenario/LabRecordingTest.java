package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PlatformId.platformId;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.lab.Lab;
import org.viflab.model.PrincipalId;
import org.viflab.store.H2Repository;

/**
 * Saving a lab with what was done to it: the saved scenario, read back and run to the end, arrives
 * at the lab that was saved.
 */
class LabRecordingTest {

    private static final PrincipalId ALICE = PrincipalId.principalId("alice");

    private static Lab freshLab() {
        return Lab.open(H2Repository.inMemory(), JournalCodec.INSTANCE);
    }

    private static Map<String, Flow> watchedFlows(Lab lab) {
        Map<String, Flow> out = new LinkedHashMap<>();
        lab.watched().forEach((name, trace) -> out.put(name, trace.flow()));
        return out;
    }

    private static Map<String, String> landings(Lab lab) {
        Map<String, String> out = new LinkedHashMap<>();
        lab.watched().forEach((name, trace) -> out.put(name, trace.disposition() + " " + trace.landing()));
        return out;
    }

    private static void byHand(Lab lab, Request request) {
        assertThat(lab.submit(Submission.as(ALICE, request)).accepted()).as(request.describe()).isTrue();
    }

    private static void play(ScenarioRun run, LabRecording recording, Lab lab) {
        long before = lab.snapshot().version();
        StepResult result = run.next();
        recording.played(result.step(), before, lab.snapshot().version());
    }

    /** Writes, reads back and runs the saved scenario in a fresh lab, every step passing. */
    private static Lab reopened(Scenario saved) {
        Scenario read = ScenarioReader.parse("saved.yaml", ScenarioWriter.write(saved));
        assertThat(read).isEqualTo(saved);
        Lab lab = freshLab();
        RunReport report = new ScenarioRun(read, lab).runAll("saved.yaml");
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.failures())
                .as("step " + step.step().index() + " " + step.answer()).isEmpty());
        return lab;
    }

    @Test
    void attachDetachAndMoveByHandBetweenScenarioStepsReplayToTheSameLab() {
        Scenario fig5 = ScenarioReader.read(Path.of("scenarios/fig5-move-to-standby.yaml"));
        try (Lab lab = freshLab()) {
            ScenarioRun run = new ScenarioRun(fig5, lab);
            run.start();
            LabRecording recording = LabRecording.fromScenario(fig5, lab.snapshot());
            play(run, recording, lab);
            play(run, recording, lab);
            byHand(lab, Detach.interfaceOf(interfaceId("vif-web")));
            byHand(lab, Attach.attach(interfaceId("vif-web"), instanceId("vm-2")));
            byHand(lab, new Move(instanceId("vm-2"), Optional.of(platformId("host-a"))));
            assertThat(lab.undo()).hasValueSatisfying(r -> assertThat(r.accepted()).isTrue());
            byHand(lab, new Move(instanceId("vm-1"), Optional.of(platformId("host-b"))));
            play(run, recording, lab);
            play(run, recording, lab);

            Scenario saved = recording.scenario("Standby, by hand", lab.journal(), watchedFlows(lab)).orElseThrow();

            assertThat(saved.topology()).isEqualTo(fig5.topology());
            assertThat(saved.principals()).isEqualTo(fig5.principals());
            assertThat(saved.steps()).extracting(s -> s.narration().orElse("by hand: " + s.action().describe()))
                    .containsExactly(fig5.step(1).narration().orElseThrow(), fig5.step(2).narration().orElseThrow(),
                            "by hand: detach interface vif-web as alice", "by hand: attach vif-web to vm-2 as alice",
                            "by hand: move vm-2 to host-a as alice", "by hand: move vm-2 to host-b as alice",
                            "by hand: move vm-1 to host-b as alice", fig5.step(3).narration().orElseThrow(),
                            fig5.step(4).narration().orElseThrow());
            assertThat(saved.step(9).expect()).as("a played step keeps its expectations").isEqualTo(fig5.step(4).expect());
            try (Lab again = reopened(saved)) {
                assertThat(again.snapshot()).as("the same snapshot, generated ids and version included")
                        .isEqualTo(lab.snapshot());
                assertThat(landings(again)).isEqualTo(landings(lab));
            }
        }
    }

    @Test
    void aLabShownAsItWasKeepsWhatWasDoneSinceWithTheIdsItGenerated() {
        Scenario fig5 = ScenarioReader.read(Path.of("scenarios/fig5-move-to-standby.yaml"));
        try (Lab lab = freshLab()) {
            new ScenarioRun(fig5, lab).start();
            byHand(lab, Attach.attach(interfaceId("vif-web"), instanceId("vm-1")));
            LabRecording recording = LabRecording.fromSnapshot(lab.snapshot(), Propagation.INSTANT);
            byHand(lab, Detach.interfaceOf(interfaceId("vif-web")));
            byHand(lab, Attach.attach(interfaceId("vif-web"), instanceId("vm-2")));
            byHand(lab, new Move(instanceId("vm-1"), Optional.of(platformId("host-b"))));

            Scenario saved = recording.scenario("Lab", lab.journal(), watchedFlows(lab)).orElseThrow();

            assertThat(saved.steps()).extracting(s -> s.action().describe()).containsExactly(
                    "attach vif-web to vm-1 at device 1", "detach interface vif-web as alice",
                    "attach vif-web to vm-2 as alice", "move vm-1 to host-b as alice");
            assertThat(saved.step(1).narration()).as("the start's own steps keep their narration").isPresent();
            assertThat(saved.step(3).request()).as("the attachment id the coordinator generated is named")
                    .contains(new Attach(interfaceId("vif-web"), instanceId("vm-2"), OptionalInt.empty(), false,
                            Optional.of(lab.snapshot().attachmentsOf(interfaceId("vif-web")).get(0).id())));
            try (Lab again = reopened(saved)) {
                assertThat(LabSnapshot.scenarioOf(again.snapshot(), "Lab", watchedFlows(again)))
                        .as("the same lab, but what a saved lab cannot keep (ADR 0004)")
                        .isEqualTo(LabSnapshot.scenarioOf(lab.snapshot(), "Lab", watchedFlows(lab)));
                assertThat(again.snapshot().attachments().keySet())
                        .as("the attachment made by hand keeps its generated id")
                        .contains(lab.snapshot().attachmentsOf(interfaceId("vif-web")).get(0).id());
                assertThat(landings(again)).isEqualTo(landings(lab));
            }
        }
    }

    @Test
    void propagationDoneByHandIsAStepOfAStepwiseScenario() {
        Scenario stepwise = ScenarioReader.read(Path.of("scenarios/stepwise-attach-before-placement.yaml"));
        try (Lab lab = freshLab()) {
            ScenarioRun run = new ScenarioRun(stepwise, lab);
            run.start();
            LabRecording recording = LabRecording.fromScenario(stepwise, lab.snapshot());
            play(run, recording, lab);
            recording.propagated(OptionalInt.of(lab.propagate(1).applied().size()), lab.snapshot().version());
            byHand(lab, new Request.Place(instanceId("vm-new"), Optional.of(platformId("host-a"))));
            byHand(lab, new Request.Start(instanceId("vm-new")));
            recording.propagated(OptionalInt.of(lab.propagate(2).applied().size()), lab.snapshot().version());
            assertThat(lab.pending()).as("an operation is still in flight").isNotEmpty();

            Scenario saved = recording.scenario("Stepwise", lab.journal(), watchedFlows(lab)).orElseThrow();

            assertThat(saved.propagation()).isEqualTo(Propagation.STEPWISE);
            assertThat(saved.steps()).extracting(s -> s.action().describe()).containsExactly(
                    stepwise.step(1).action().describe(), "propagate 1 operation(s)", "place vm-new on host-a as alice",
                    "start vm-new as alice", "propagate 2 operation(s)");
            try (Lab again = reopened(saved)) {
                assertThat(again.snapshot()).isEqualTo(lab.snapshot());
                assertThat(again.pending()).isEqualTo(lab.pending());
                assertThat(landings(again)).isEqualTo(landings(lab));
            }
        }
    }

    @Test
    void aJournalOfDescriptionsCannotBeReplayed() {
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            LabRecording recording = LabRecording.fromSnapshot(lab.snapshot(), Propagation.INSTANT);
            assertThat(lab.submit(Submission.of(new Request.CreatePrincipal(PrincipalId.principalId("carol")))).accepted())
                    .isTrue();
            assertThat(recording.scenario("Lab", lab.journal(), Map.of())).isEmpty();
        }
    }

    @Test
    void nothingDoneSinceTheStartSavesTheStartAlone() {
        Scenario fig5 = ScenarioReader.read(Path.of("scenarios/fig5-move-to-standby.yaml"));
        try (Lab lab = freshLab()) {
            new ScenarioRun(fig5, lab).start();
            Scenario saved = LabRecording.fromScenario(fig5, lab.snapshot()).scenario("Start", lab.journal(),
                    watchedFlows(lab)).orElseThrow();
            assertThat(saved.steps()).isEmpty();
            assertThat(saved.watch()).isEqualTo(fig5.watch());
            assertThat(saved.description()).isEqualTo(fig5.description());
            assertThat(List.copyOf(saved.setup())).isEqualTo(fig5.setup());
        }
    }
}
