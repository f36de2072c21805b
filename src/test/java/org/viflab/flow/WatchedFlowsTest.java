package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.fabric.TestTopology.rule;
import static org.viflab.fabric.TestTopology.rules;
import static org.viflab.flow.FlowLab.flow;
import static org.viflab.flow.FlowLab.lab;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.TestTopology;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupOp;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.Topology;
import org.viflab.net.MacAddress;

class WatchedFlowsTest {

    private TestTopology lab;
    private Fabric fabric;
    private WatchedFlows watched;

    @BeforeEach
    void setUp() {
        lab = lab();
        Topology topology = lab.build();
        fabric = Fabric.compile(topology);
        watched = new WatchedFlows();
        watched.watch("web", flow("vm-1", "vif-web", "tcp", 80), fabric, topology);
        watched.watch("db", flow("vm-1", "vm-db", "tcp", 5432), fabric, topology);
        watched.watch("c", flow("vm-1", "203.0.113.30", "tcp", 80), fabric, topology);
        watched.watch("b", flow("vpn:vpc-b", "vm-b", "tcp", 22), fabric, topology);
        watched.watch("free", flow("vm-1", "vif-free", "tcp", 80), fabric, topology);
    }

    private List<FlowChange> apply(Topology topology, ConfigOperation... ops) {
        for (ConfigOperation op : ops) {
            fabric.apply(op);
        }
        assertThat(fabric).as("the test's operations realize its topology").isEqualTo(Fabric.compile(topology));
        return watched.retraceAfter(fabric, topology, List.of(ops));
    }

    private static PlugOp plug(boolean plug, String platform, String iface, String instance, int device, String nic,
                               String mac) {
        return new PlugOp(platformId(platform), plug, interfaceId(iface), instanceId(instance), device, nicId(nic),
                MacAddress.parse(mac), partitionId("vpc-a"), subnetId("web"), true);
    }

    @Test
    void watchingTracesEachFlowOnce() {
        assertThat(watched.traceCount()).isEqualTo(5);
        assertThat(watched.names()).containsExactly("web", "db", "c", "b", "free");
        assertThat(watched.landing("web")).containsExactly(instanceId("vm-2"));
        assertThat(watched.trace("free").orElseThrow().disposition()).isEqualTo(Disposition.DETACHED);
        assertThat(watched.traces()).hasSize(5);
    }

    @Test
    void aDetachTracesAgainOnlyTheFlowsToThatRecordAndReportsTheChange() {
        Topology detached = lab.detach("vif-web").build();
        List<FlowChange> changes = apply(detached,
                new GroupsLoadOp(platformId("host-b"), false, interfaceId("vif-web"), List.of()),
                plug(false, "host-b", "vif-web", "vm-2", 1, "nic-b1", "02:00:00:00:0b:01"),
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.10"), interfaceId("vif-web"), List.of()));
        assertThat(watched.traceCount()).isEqualTo(6);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.name()).isEqualTo("web");
            assertThat(change.landingBefore()).containsExactly(instanceId("vm-2"));
            assertThat(change.dispositionBefore()).isEqualTo(Disposition.DELIVERED);
            assertThat(change.landingAfter()).isEmpty();
            assertThat(change.dispositionAfter()).isEqualTo(Disposition.DETACHED);
            assertThat(change.describe()).isEqualTo("web → vm-2 DELIVERED became web → nowhere DETACHED");
        });
    }

    @Test
    void anAttachMovesTheLandingPlace() {
        Topology attached = lab.attach("vif-free", "vm-2", 2).build();
        List<FlowChange> changes = apply(attached,
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.50"), interfaceId("vif-free"),
                        List.of(instanceId("vm-2"))),
                new PlugOp(platformId("host-b"), true, interfaceId("vif-free"), instanceId("vm-2"), 2, nicId("nic-b1"),
                        MacAddress.parse("02:00:00:00:0b:01"), partitionId("vpc-a"), subnetId("web"), true),
                new GroupsLoadOp(platformId("host-b"), true, interfaceId("vif-free"), List.of(securityGroupId("sg-web"))));
        assertThat(changes).extracting(FlowChange::describe)
                .containsExactly("free → nowhere DETACHED became free → vm-2 DELIVERED");
        // The flows that touched vm-2 (web) were traced again too, but did not change.
        assertThat(watched.traceCount()).isEqualTo(7);
    }

    @Test
    void anOperationNoFlowReadTracesNothing() {
        Topology more = lab.iface("vif-new", "web", "10.0.1.77").build();
        assertThat(apply(more, new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.77"), interfaceId("vif-new"),
                List.of()))).isEmpty();
        assertThat(watched.traceCount()).isEqualTo(5);
        assertThat(watched.retraceAfter(fabric, more, List.of())).isEmpty();
    }

    @Test
    void aGroupChangeTracesTheFlowsItFiltered() {
        Topology narrowed = lab.group("sg-db", "vpc-a", rules(rule("tcp", "5432", "10.9.0.0/16")), List.of()).build();
        List<FlowChange> changes = apply(narrowed, new GroupOp(partitionId("vpc-a"), securityGroupId("sg-db"), true,
                rules(rule("tcp", "5432", "10.9.0.0/16")), List.of()));
        assertThat(changes).extracting(FlowChange::describe)
                .containsExactly("db → vm-db DELIVERED became db → nowhere DENIED_IN");
        assertThat(watched.traceCount()).isEqualTo(6);
    }

    @Test
    void aNewPrimaryAddressIsPickedUpByResolvingAgain() {
        Topology moved = lab.change("vif-web", b -> {
            b.privateIps = List.of(ipv4("10.0.1.40"));
            b.publicIps = List.of(new org.viflab.model.PublicAddress(ipv4("203.0.113.10"), ipv4("10.0.1.40")));
            return b;
        }).build();
        List<FlowChange> changes = apply(moved,
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.40"), interfaceId("vif-web"),
                        List.of(instanceId("vm-2"))),
                new ConfigOperation.NatOp(partitionId("vpc-a"), true, ipv4("203.0.113.10"), ipv4("10.0.1.40")),
                new MappingOp(partitionId("vpc-a"), false, ipv4("10.0.1.10"), interfaceId("vif-web"), List.of()));
        assertThat(changes).isEmpty();
        Trace web = watched.trace("web").orElseThrow();
        assertThat(web.resolved().destination()).isEqualTo(ipv4("10.0.1.40"));
        assertThat(web.disposition()).isEqualTo(Disposition.DELIVERED);
    }

    @Test
    void aFlowWhoseRecordIsDeletedTracesItsLastAddress() {
        Topology gone = lab.removeInterface("vif-free").build();
        List<FlowChange> changes = apply(gone,
                new MappingOp(partitionId("vpc-a"), false, ipv4("10.0.1.50"), interfaceId("vif-free"), List.of()));
        assertThat(changes).extracting(FlowChange::describe)
                .containsExactly("free → nowhere DETACHED became free → nowhere UNASSIGNED");
    }

    @Test
    void aMultiAttachFlowLandsOnEveryInstance() {
        TestTopology t = lab();
        t.iface("vif-lb", "web", "10.0.1.100").groups("vif-lb", "sg-web").multiAttach("vif-lb");
        t.attach("vif-lb", "vm-1", 1).attach("vif-lb", "vm-2", 2);
        Topology topology = t.build();
        Fabric lbFabric = Fabric.compile(topology);
        WatchedFlows flows = new WatchedFlows();
        flows.watch("lb", flow("vm-3", "vif-lb", "tcp", 80), lbFabric, topology);
        assertThat(flows.landing("lb")).containsExactly(instanceId("vm-1"), instanceId("vm-2"));

        Topology one = t.detach("vif-lb", "vm-1").build();
        List<ConfigOperation> ops = List.of(
                plug(false, "host-a", "vif-lb", "vm-1", 1, "nic-a2", "02:00:00:00:0a:02"),
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.100"), interfaceId("vif-lb"),
                        List.of(instanceId("vm-2"))));
        lbFabric.applyAll(ops);
        assertThat(lbFabric).isEqualTo(Fabric.compile(one));
        assertThat(flows.retraceAfter(lbFabric, one, ops)).extracting(FlowChange::describe)
                .containsExactly("lb → [vm-1, vm-2] DELIVERED became lb → vm-2 DELIVERED");
    }

    @Test
    void anUnwatchedFlowIsNotTracedAgain() {
        assertThat(watched.unwatch("web")).isTrue();
        assertThat(watched.unwatch("web")).isFalse();
        Topology detached = lab.detach("vif-web").build();
        assertThat(apply(detached,
                new GroupsLoadOp(platformId("host-b"), false, interfaceId("vif-web"), List.of()),
                plug(false, "host-b", "vif-web", "vm-2", 1, "nic-b1", "02:00:00:00:0b:01"),
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.10"), interfaceId("vif-web"), List.of())))
                .isEmpty();
        assertThat(watched.traceCount()).isEqualTo(5);
    }

    @Test
    void watchingAFlowThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> watched.watch("ghost", flow("vm-1", "vm-9", "tcp", 80), fabric, lab.build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vm-9'");
        assertThat(watched.names()).doesNotContain("ghost");
    }

    @Test
    void retracingEverythingFindsNothingNewOnAnUnchangedFabric() {
        assertThat(watched.retraceAll(fabric, lab.build())).isEmpty();
        assertThat(watched.traceCount()).isEqualTo(10);
    }

    @Test
    void theSameNameReplacesTheFlow() {
        List<String> before = new ArrayList<>(watched.names());
        watched.watch("web", flow("vm-1", "vif-free", "tcp", 80), fabric, lab.build());
        assertThat(watched.size()).isEqualTo(before.size());
        assertThat(watched.trace("web").orElseThrow().disposition()).isEqualTo(Disposition.DETACHED);
    }
}
