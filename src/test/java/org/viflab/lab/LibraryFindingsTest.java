package org.viflab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Outcome;
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
import org.viflab.model.InstanceState;
import org.viflab.model.Topology;
import org.viflab.net.Protocol;
import org.viflab.store.H2Repository;

/** Problems found while writing the scenario library, each kept as a test. */
class LibraryFindingsTest {

    private Lab lab;

    @BeforeEach
    void open() {
        lab = Lab.open(H2Repository.inMemory());
        StandardLab.build(lab);
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private Lab.Result ok(Request request) {
        Lab.Result result = lab.submit(new Submission(request, Topology.OPERATOR, false, Optional.empty()));
        assertThat(result.outcome()).get().matches(Outcome::isAccepted, "accepted: " + result.outcome());
        return result;
    }

    /** vif-web, multi-attach, on vm-1 and vm-3, both running on host-a. */
    private void sharedOnOnePlatform() {
        ok(new Request.Launch(Optional.of(instanceId("vm-3")), Optional.of(StandardLab.ALICE), "t3.medium", "zone-1",
                Optional.of(platformId("host-a")), InstanceState.RUNNING,
                List.of(InterfaceSpec.inSubnet(subnetId("web")).withId(interfaceId("vm-3-eth0"))
                        .withSecurityGroups(List.of(securityGroupId("sg-web")))), Map.of()));
        ok(new Request.ModifyInterface(interfaceId("vif-web"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true)));
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        ok(Attach.attach(interfaceId("vif-web"), instanceId("vm-3"), 1));
    }

    private void stillServedByVm1() {
        assertThat(lab.realized()).as("fabric == compile(desired state)").isTrue();
        Trace trace = lab.trace(Flow.of("internet", "203.0.113.10", Protocol.TCP, 80));
        assertThat(trace.disposition()).as(trace.explanation().sentence()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.deliveredTo()).contains(instanceId("vm-1"));
    }

    private static List<String> summaries(Lab.Result result) {
        return result.applied().stream().map(ConfigOperation::summary).toList();
    }

    @Test
    void detachingAMultiAttachRecordFromOneInstanceKeepsItsGroupsForAnotherOnTheSamePlatform() {
        sharedOnOnePlatform();
        Lab.Result detach = ok(Detach.allFrom(instanceId("vm-3")));
        assertThat(summaries(detach)).containsExactly("hypervisor@host-a unplug", "mapping@vpc-a map");
        stillServedByVm1();
        assertThat(lab.trace(Flow.of("internet", "203.0.113.10", Protocol.TCP, 80)).landing())
                .containsExactly(instanceId("vm-1"));
    }

    @Test
    void stoppingOneInstanceOfAMultiAttachRecordKeepsItsGroupsForAnotherOnTheSamePlatform() {
        sharedOnOnePlatform();
        ok(new Request.Stop(instanceId("vm-3")));
        stillServedByVm1();
    }

    @Test
    void movingOneInstanceOfAMultiAttachRecordKeepsItsGroupsForAnotherOnTheOldPlatform() {
        sharedOnOnePlatform();
        ok(new Request.Move(instanceId("vm-3"), Optional.of(platformId("host-b"))));
        assertThat(lab.realized()).isTrue();
        Trace trace = lab.trace(Flow.of("internet", "203.0.113.10", Protocol.TCP, 80));
        assertThat(trace.disposition()).as(trace.explanation().sentence()).isEqualTo(Disposition.DELIVERED);
    }

    @Test
    void detachingAMultiAttachRecordFromAllItsInstancesUnloadsItsGroupsOnce() {
        sharedOnOnePlatform();
        Lab.Result detach = ok(Detach.interfaceOf(interfaceId("vif-web")));
        assertThat(summaries(detach)).containsExactly("hypervisor@host-a unplug", "hypervisor@host-a unload-groups",
                "hypervisor@host-a unplug", "mapping@vpc-a map");
        assertThat(lab.realized()).isTrue();
        assertThat(lab.fabric().hypervisor(platformId("host-a")).loadedGroups(interfaceId("vif-web"))).isNull();
    }

    private Object macsOf(String iface) {
        return lab.fields(Request.Kind.INTERFACES, iface).orElseThrow().get("macAddresses");
    }

    @Test
    void aRecordShowsNoMacWhileThePlugThatStartEmittedIsQueued() {
        ok(new Request.Stop(instanceId("vm-1")));
        lab.setMode(Mode.STEPWISE);
        ok(new Request.Start(instanceId("vm-1")));
        assertThat(macsOf("vm-1-eth0")).isEqualTo(List.of());
        lab.propagate(1); // run
        assertThat(macsOf("vm-1-eth0")).isEqualTo(List.of());
        lab.drain();
        assertThat(macsOf("vm-1-eth0")).isEqualTo(List.of("02:00:00:00:0a:01"));
    }

    @Test
    void aMovedRecordShowsTheNewMacOnlyOnceItIsPluggedThere() {
        lab.setMode(Mode.STEPWISE);
        ok(new Request.Move(instanceId("vm-1"), Optional.of(platformId("host-b"))));
        assertThat(macsOf("vm-1-eth0")).isEqualTo(List.of());
        lab.drain();
        assertThat(macsOf("vm-1-eth0")).isEqualTo(List.of("02:00:00:00:0b:01"));
    }
}
