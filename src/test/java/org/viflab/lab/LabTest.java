package org.viflab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Repository;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Disposition;
import org.viflab.flow.Flow;
import org.viflab.flow.Trace;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.net.Protocol;
import org.viflab.store.FaultyRepository;
import org.viflab.store.H2Repository;

/** The lab end to end: requests reach the fabric, watched flows follow, stepwise propagation, undo. */
class LabTest {

    private Lab lab;

    @BeforeEach
    void open() {
        lab = Lab.open(H2Repository.inMemory());
        StandardLab.build(lab);
        lab.watch("web", Flow.of("internet", "203.0.113.10", Protocol.TCP, 80));
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private Lab.Result ok(Request request) {
        Lab.Result result = lab.submit(Submission.as(StandardLab.ALICE, request));
        assertThat(result.outcome()).get().matches(Outcome::isAccepted, "accepted: " + result.outcome());
        return result;
    }

    @Test
    void attachingMovesTheWatchedFlowToTheInstance() {
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DETACHED);
        Lab.Result attach = ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        assertThat(attach.changedFlows()).containsExactly("web");
        Trace web = lab.watched().get("web");
        assertThat(web.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(web.landing()).containsExactly(instanceId("vm-1"));
        ok(Detach.interfaceOf(interfaceId("vif-web")));
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        assertThat(lab.watched().get("web").landing()).containsExactly(instanceId("vm-2"));
        assertThat(lab.realized()).isTrue();
    }

    @Test
    void stepwiseAttachIsInFlightUntilItsOperationsArePropagated() {
        lab.setMode(Mode.STEPWISE);
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        assertThat(lab.fields(Request.Kind.INTERFACES, "vif-web").orElseThrow()).containsEntry("status", "attaching");
        assertThat(lab.pending()).hasSize(3);
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DETACHED);
        Lab.Result mapped = lab.propagate(1);
        assertThat(mapped.applied()).extracting(ConfigOperation::summary).containsExactly("mapping@vpc-a map");
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.NOT_PLUGGED);
        assertThat(mapped.changedFlows()).containsExactly("web");
        lab.propagate(2);
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(lab.fields(Request.Kind.INTERFACES, "vif-web").orElseThrow()).containsEntry("status", "in-use");
        assertThat(lab.realized()).isTrue();
    }

    @Test
    void detachWhileAttachingNeedsForceAndForceCancelsTheAttach() {
        lab.setMode(Mode.STEPWISE);
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        lab.propagate(1);
        Lab.Result refused = lab.submit(Submission.as(StandardLab.ALICE, Detach.interfaceOf(interfaceId("vif-web"))));
        assertThat(((Outcome.Rejected) refused.outcome().orElseThrow()).code().code()).isEqualTo("IncorrectState");
        ok(Detach.interfaceOf(interfaceId("vif-web")).forced());
        assertThat(lab.pending()).isEmpty();
        assertThat(lab.fields(Request.Kind.INTERFACES, "vif-web").orElseThrow()).containsEntry("status", "available");
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DETACHED);
        assertThat(lab.realized()).isTrue();
    }

    @Test
    void moveInStepwiseModeShowsTheInstanceBetweenPlatforms() {
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        lab.setMode(Mode.STEPWISE);
        ok(new Request.Move(instanceId("vm-1"), Optional.of(platformId("host-b"))));
        lab.propagate(4);
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.NOT_PLUGGED);
        lab.drain();
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(lab.fields(Request.Kind.INTERFACES, "vif-web").orElseThrow())
                .containsEntry("macAddresses", List.of("02:00:00:00:0b:01"));
    }

    @Test
    void undoAndRedoRestoreTheLabAndTheWatchedFlows() {
        var before = lab.snapshot();
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1")));
        var attached = lab.snapshot();
        assertThat(lab.undoDescription()).contains("attach vif-web to vm-1");
        lab.undo().orElseThrow();
        assertThat(lab.snapshot().attachments()).isEqualTo(before.attachments());
        assertThat(lab.watched().get("web").disposition()).isEqualTo(Disposition.DETACHED);
        lab.redo().orElseThrow();
        assertThat(lab.snapshot().attachments()).isEqualTo(attached.attachments());
        assertThat(lab.watched().get("web").landing()).containsExactly(instanceId("vm-1"));
        assertThat(lab.canRedo()).isFalse();
    }

    @Test
    void redoingALaunchBringsBackTheInstanceAndItsRecordsSoLaterStepsStillApply() {
        Lab.Result launched = ok(new Request.Launch(Optional.empty(), Optional.of(StandardLab.ALICE), "t3.medium", "zone-1",
                Optional.of(platformId("host-b")), InstanceState.RUNNING,
                List.of(InterfaceSpec.inSubnet(subnetId("web"))), Map.of()));
        InstanceId vm = instanceId(((Outcome.Accepted) launched.outcome().orElseThrow()).createdId().orElseThrow());
        InterfaceId eth0 = lab.snapshot().attachmentAt(vm, 0).orElseThrow().iface();
        ok(new Request.ModifyInterface(eth0, Optional.of("made at launch"), Optional.empty(), Optional.empty(),
                Optional.empty()));
        var done = lab.snapshot();

        lab.undo().orElseThrow();
        lab.undo().orElseThrow();
        assertThat(lab.snapshot().instances().get(vm).state()).isEqualTo(InstanceState.TERMINATED);
        assertThat(lab.snapshot().interfaces()).doesNotContainKey(eth0);
        Lab.Result relaunched = lab.redo().orElseThrow();
        assertThat(relaunched.accepted()).as(relaunched.outcome().toString()).isTrue();
        Lab.Result modified = lab.redo().orElseThrow();
        assertThat(modified.accepted()).as("the later step names the launch's record: " + modified.outcome()).isTrue();
        assertThat(lab.snapshot().instances().get(vm)).isEqualTo(done.instances().get(vm));
        assertThat(lab.snapshot().interfaces().get(eth0)).isEqualTo(done.interfaces().get(eth0));
        assertThat(lab.snapshot().attachmentAt(vm, 0).orElseThrow().iface()).isEqualTo(eth0);
    }

    @Test
    void detachAndAttachElsewhereIsOneStepAndRollsBackWhenTheAttachIsRejected() {
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Lab.Result moved = lab.submitAll(List.of(
                Submission.as(StandardLab.ALICE, Detach.interfaceOf(interfaceId("vif-web"))),
                Submission.as(StandardLab.ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1))),
                "move vif-web to vm-2");
        assertThat(moved.accepted()).isTrue();
        assertThat(lab.watched().get("web").landing()).containsExactly(instanceId("vm-2"));
        lab.undo();
        assertThat(lab.watched().get("web").landing()).containsExactly(instanceId("vm-1"));
        var before = lab.snapshot().attachments();
        Lab.Result refused = lab.submitAll(List.of(
                Submission.as(StandardLab.ALICE, Detach.interfaceOf(interfaceId("vif-web"))),
                Submission.as(StandardLab.BOB, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1))),
                "move vif-web to vm-2 as bob");
        assertThat(refused.accepted()).isFalse();
        assertThat(lab.snapshot().attachments().values()).containsExactlyInAnyOrderElementsOf(before.values());
        assertThat(lab.watched().get("web").landing()).containsExactly(instanceId("vm-1"));
    }

    @Test
    void aDatabaseFailingDuringADragLeavesNothingHalfDone() {
        H2Repository real = H2Repository.inMemory();
        // The disk fills up just when the re-attach is written, after the detach went through.
        boolean[] failing = {false};
        Repository flaky = FaultyRepository.around(real, (method, args) -> {
            if (failing[0] && method.startsWith("commit")
                    && java.util.Arrays.deepToString(args).contains("vif-web to vm-2")) {
                throw new Repository.StoreException("the disk is full", null);
            }
        });
        try (Lab other = Lab.open(flaky)) {
            StandardLab.build(other);
            other.watch("web", Flow.of("internet", "203.0.113.10", Protocol.TCP, 80));
            other.submit(Submission.as(StandardLab.ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1)));
            var before = other.snapshot();
            failing[0] = true;

            assertThatThrownBy(() -> other.submitAll(List.of(
                    Submission.as(StandardLab.ALICE, Detach.interfaceOf(interfaceId("vif-web"))),
                    Submission.as(StandardLab.ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1))),
                    "move vif-web to vm-2")).hasMessageContaining("the disk is full");

            failing[0] = false;
            assertThat(other.snapshot()).isEqualTo(before);
            assertThat(real.load()).isEqualTo(before);
            assertThat(other.watched().get("web").landing()).containsExactly(instanceId("vm-1"));
            assertThat(other.realized()).isTrue();
            assertThat(other.undoDescription()).contains("attach vif-web to vm-1 at device 1");
        }
    }

    @Test
    void tracesCountIntoTheMonitoringCounters() {
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Trace trace = lab.trace(Flow.of("vm-2", "vif-web", Protocol.TCP, 80));
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.path()).containsExactly(interfaceId("vm-2-eth0"), interfaceId("vif-web"));
        @SuppressWarnings("unchecked")
        var counters = (java.util.Map<String, Long>) lab.fields(Request.Kind.INTERFACES, "vif-web").orElseThrow().get("counters");
        assertThat(counters.get("packetsIn")).isEqualTo(1L);
        assertThat(Set.of(trace.deliveredTo().orElseThrow())).containsExactly(instanceId("vm-1"));
    }
}
