package org.viflab.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.fabric.TestTopology.route;
import static org.viflab.fabric.TestTopology.rule;
import static org.viflab.fabric.TestTopology.rules;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.NatOp;
import org.viflab.model.ConfigOperation.NicOp;
import org.viflab.model.ConfigOperation.PartitionOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.ConfigOperation.RouterOp;
import org.viflab.model.ConfigOperation.RunOp;
import org.viflab.model.ConfigOperation.SourceDestCheckOp;
import org.viflab.model.InstanceState;
import org.viflab.model.RouteTarget;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;

class FabricTest {

    /** Two partitions, gateways, routes of every kind, groups, two platforms, a multi-attach record. */
    static TestTopology sample() {
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, null);
        t.partition("vpc-b", "10.1.0.0/16", false, "192.168.0.0/16");
        t.subnet("web", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"), route("172.16.0.0/12", "blackhole"));
        t.subnet("db", "vpc-a", "10.0.2.0/24");
        t.subnet("b-app", "vpc-b", "10.1.1.0/24", route("192.168.0.0/16", "vpn"));
        t.group("sg-web", "vpc-a", rules(rule("tcp", "80,443", "0.0.0.0/0")), TestTopology.allEgress());
        t.group("sg-db", "vpc-a", rules(rule("tcp", "5432", "sg-web")), List.of());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.platform("host-b", "nic-b1=02:00:00:00:0b:01");
        t.vm("vm-1", "host-a", "web", "10.0.1.11");
        t.vm("vm-2", "host-b", "web", "10.0.1.12");
        t.instance("vm-3", null, InstanceState.PENDING);
        t.iface("vm-3-eth0", "db", "10.0.2.13").attach("vm-3-eth0", "vm-3", 0);
        t.vm("vm-b", "host-b", "b-app", "10.1.1.10");
        t.iface("vif-web", "web", "10.0.1.10", "10.0.1.20").publicIps("vif-web", "203.0.113.10")
                .groups("vif-web", "sg-web").multiAttach("vif-web");
        t.attach("vif-web", "vm-1", 1).attach("vif-web", "vm-2", 1);
        t.iface("vif-db", "db", "10.0.2.10").groups("vif-db", "sg-db");
        return t;
    }

    @Test
    void applyingTheEmittedOperationsGivesTheCompiledFabric() {
        Topology topology = sample().build();
        Fabric applied = new Fabric();
        applied.applyAll(EmittedOps.of(topology));
        Fabric compiled = Fabric.compile(topology);
        assertThat(applied.differences(compiled)).isEmpty();
        assertThat(applied).isEqualTo(compiled).hasSameHashCodeAs(compiled);
    }

    @Test
    void compileHoldsEveryTable() {
        Fabric fabric = sample().compile();
        PartitionTable a = fabric.partition(partitionId("vpc-a"));
        assertThat(a.hasInternetGateway()).isTrue();
        assertThat(a.mappingAt(ipv4("10.0.1.20")))
                .isEqualTo(new MappingEntry(interfaceId("vif-web"), List.of(instanceId("vm-1"), instanceId("vm-2"))));
        assertThat(a.mappingAt(ipv4("10.0.2.10")).detached()).isTrue();
        assertThat(a.privateFor(ipv4("203.0.113.10"))).isEqualTo(ipv4("10.0.1.10"));
        assertThat(a.publicFor(ipv4("10.0.1.10"))).isEqualTo(ipv4("203.0.113.10"));
        assertThat(a.groups()).containsKeys(securityGroupId("vpc-a-default"), securityGroupId("sg-web"),
                securityGroupId("sg-db"));
        assertThat(fabric.partition(partitionId("vpc-b")).vpnOnPremises()).contains(Ipv4Prefix.parse("192.168.0.0/16"));

        Router web = fabric.router(subnetId("web"));
        assertThat(web.lookup(ipv4("10.0.2.5")).via()).isEqualTo(RouteTarget.LOCAL);
        assertThat(web.lookup(ipv4("172.16.3.4")).via()).isEqualTo(RouteTarget.BLACKHOLE);
        assertThat(web.lookup(ipv4("8.8.8.8")).via()).isEqualTo(RouteTarget.INTERNET);
        assertThat(fabric.router(subnetId("db")).lookup(ipv4("8.8.8.8"))).isNull();

        Hypervisor hostA = fabric.hypervisor(platformId("host-a"));
        assertThat(hostA.running()).containsExactly(instanceId("vm-1"));
        Plug plug = hostA.plug(interfaceId("vif-web"), instanceId("vm-1"));
        assertThat(plug.nic()).isEqualTo(nicId("nic-a2"));
        assertThat(plug.mac()).isEqualTo(MacAddress.parse("02:00:00:00:0a:02"));
        assertThat(hostA.plugsOf(instanceId("vm-1"))).extracting(Plug::deviceIndex).containsExactly(0, 1);
        assertThat(hostA.loadedGroups(interfaceId("vif-web"))).containsExactly(securityGroupId("sg-web"));

        // vm-3 is pending and not placed: its record is mapped, nothing is plugged.
        assertThat(fabric.runningPlatform(instanceId("vm-3"))).isNull();
        assertThat(fabric.plugsOf(interfaceId("vm-3-eth0"))).isEmpty();
        assertThat(fabric.runningPlatform(instanceId("vm-2"))).isEqualTo(platformId("host-b"));
        assertThat(fabric.publicAddressPartition(ipv4("203.0.113.10"))).isEqualTo(partitionId("vpc-a"));
        assertThat(fabric.addressesOf(interfaceId("vif-web"))).containsExactly(ipv4("10.0.1.10"), ipv4("10.0.1.20"));
        assertThat(fabric.macsOf(interfaceId("vif-web"))).containsExactly(MacAddress.parse("02:00:00:00:0a:02"),
                MacAddress.parse("02:00:00:00:0b:01"));
        assertThat(fabric.loadedGroupsOf(interfaceId("vif-web"))).containsExactly(securityGroupId("sg-web"));
        assertThat(fabric.mappingOf(interfaceId("vif-db")).iface()).isEqualTo(interfaceId("vif-db"));
    }

    @Test
    void compileOfAnEmptyTopologyIsEmpty() {
        assertThat(Fabric.compile(Topology.empty())).isEqualTo(new Fabric());
        assertThat(new Fabric().isEmpty()).isTrue();
    }

    @Test
    void detachOperationsGiveTheFabricOfTheDetachedTopology() {
        TestTopology t = sample();
        Fabric fabric = t.compile();
        t.detach("vif-web", "vm-1");
        fabric.apply(new GroupsLoadOp(platformId("host-a"), false, interfaceId("vif-web"), List.of()));
        fabric.apply(plug(false, "host-a", "vif-web", "vm-1", 1, "nic-a2", "02:00:00:00:0a:02", "web"));
        for (String ip : List.of("10.0.1.10", "10.0.1.20")) {
            fabric.apply(new MappingOp(partitionId("vpc-a"), true, ipv4(ip), interfaceId("vif-web"),
                    List.of(instanceId("vm-2"))));
        }
        assertThat(fabric.differences(t.compile())).isEmpty();
        assertThat(fabric.macsOf(interfaceId("vif-web"))).containsExactly(MacAddress.parse("02:00:00:00:0b:01"));
    }

    @Test
    void moveOperationsGiveTheFabricOfTheMovedTopology() {
        TestTopology t = sample();
        Fabric fabric = t.compile();
        t.move("vm-1", "host-b");
        fabric.applyAll(List.of(
                new GroupsLoadOp(platformId("host-a"), false, interfaceId("vm-1-eth0"), List.of()),
                plug(false, "host-a", "vm-1-eth0", "vm-1", 0, "nic-a1", "02:00:00:00:0a:01", "web"),
                new GroupsLoadOp(platformId("host-a"), false, interfaceId("vif-web"), List.of()),
                plug(false, "host-a", "vif-web", "vm-1", 1, "nic-a2", "02:00:00:00:0a:02", "web"),
                new RunOp(platformId("host-a"), instanceId("vm-1"), false),
                new RunOp(platformId("host-b"), instanceId("vm-1"), true),
                plug(true, "host-b", "vm-1-eth0", "vm-1", 0, "nic-b1", "02:00:00:00:0b:01", "web"),
                new GroupsLoadOp(platformId("host-b"), true, interfaceId("vm-1-eth0"),
                        List.of(securityGroupId("vpc-a-default"))),
                plug(true, "host-b", "vif-web", "vm-1", 1, "nic-b1", "02:00:00:00:0b:01", "web"),
                new GroupsLoadOp(platformId("host-b"), true, interfaceId("vif-web"), List.of(securityGroupId("sg-web")))));
        assertThat(fabric.differences(t.compile())).isEmpty();
        assertThat(fabric).isEqualTo(t.compile());
        assertThat(fabric.runningPlatform(instanceId("vm-1"))).isEqualTo(platformId("host-b"));
    }

    @Test
    void removalOperationsRemoveTheirEntriesAndIgnoreMissingOnes() {
        Fabric fabric = sample().compile();
        fabric.apply(new NatOp(partitionId("vpc-a"), false, ipv4("203.0.113.10"), ipv4("10.0.1.10")));
        fabric.apply(new MappingOp(partitionId("vpc-a"), false, ipv4("10.0.2.10"), interfaceId("vif-db"), List.of()));
        fabric.apply(new RouterOp(subnetId("web"), partitionId("vpc-a"), RouterOp.Kind.UNROUTE,
                Ipv4Prefix.parse("172.16.0.0/12"), null));
        fabric.apply(new ConfigOperation.GroupOp(partitionId("vpc-a"), securityGroupId("sg-db"), false, List.of(),
                List.of()));
        PartitionTable a = fabric.partition(partitionId("vpc-a"));
        assertThat(a.privateFor(ipv4("203.0.113.10"))).isNull();
        assertThat(a.publicFor(ipv4("10.0.1.10"))).isNull();
        assertThat(fabric.publicAddressPartition(ipv4("203.0.113.10"))).isNull();
        assertThat(a.mappingAt(ipv4("10.0.2.10"))).isNull();
        assertThat(fabric.addressesOf(interfaceId("vif-db"))).isEmpty();
        assertThat(fabric.router(subnetId("web")).lookup(ipv4("172.16.3.4")).via()).isEqualTo(RouteTarget.INTERNET);
        assertThat(a.groupRules(securityGroupId("sg-db"))).isNull();

        Fabric before = fabric.copy();
        fabric.apply(new NatOp(partitionId("vpc-a"), false, ipv4("203.0.113.99"), ipv4("10.0.1.10")));
        fabric.apply(new RunOp(platformId("host-z"), instanceId("vm-9"), false));
        fabric.apply(plug(false, "host-a", "vif-zz", "vm-9", 3, "nic-a1", "02:00:00:00:0a:01", "web"));
        assertThat(fabric).isEqualTo(before);

        fabric.apply(new RouterOp(subnetId("b-app"), partitionId("vpc-b"), RouterOp.Kind.DELETE,
                Ipv4Prefix.parse("10.1.1.0/24"), null));
        assertThat(fabric.router(subnetId("b-app"))).isNull();
        fabric.apply(new PartitionOp(partitionId("vpc-b"), false, Ipv4Prefix.parse("10.1.0.0/16"), false, null));
        assertThat(fabric.partition(partitionId("vpc-b"))).isNull();
        assertThat(fabric.addressesOf(interfaceId("vm-b-eth0"))).isEmpty();
    }

    @Test
    void aPublicAddressNattedInAnotherPartitionMovesThere() {
        Fabric fabric = sample().compile();
        fabric.apply(new NatOp(partitionId("vpc-b"), true, ipv4("203.0.113.10"), ipv4("10.1.1.10")));
        assertThat(fabric.publicAddressPartition(ipv4("203.0.113.10"))).isEqualTo(partitionId("vpc-b"));
        assertThat(fabric.partition(partitionId("vpc-a")).privateFor(ipv4("203.0.113.10"))).isNull();
        assertThat(fabric.partition(partitionId("vpc-b")).publicFor(ipv4("10.1.1.10"))).isEqualTo(ipv4("203.0.113.10"));
    }

    @Test
    void nicAndSourceDestCheckOperationsChangeTheHypervisor() {
        Fabric fabric = sample().compile();
        fabric.apply(new NicOp(platformId("host-b"), nicId("nic-b1"), false));
        assertThat(fabric.hypervisor(platformId("host-b")).nic(nicId("nic-b1")).up()).isFalse();
        fabric.apply(new SourceDestCheckOp(platformId("host-b"), interfaceId("vif-web"), false));
        assertThat(fabric.hypervisor(platformId("host-b")).plug(interfaceId("vif-web"), instanceId("vm-2"))
                .sourceDestCheck()).isFalse();
        assertThat(fabric.hypervisor(platformId("host-b")).plugsOf(instanceId("vm-2")).get(1).sourceDestCheck()).isFalse();
        assertThat(fabric.hypervisor(platformId("host-a")).plug(interfaceId("vif-web"), instanceId("vm-1"))
                .sourceDestCheck()).isTrue();

        TestTopology t = sample();
        t.nic("host-b", "nic-b1", false).sourceDestCheck("vif-web", false);
        Fabric expected = t.compile();
        fabric.apply(new SourceDestCheckOp(platformId("host-a"), interfaceId("vif-web"), false));
        assertThat(fabric.differences(expected)).isEmpty();
    }

    @Test
    void settingAnEntryOfAnUnknownPartitionRouterOrPlatformIsAProgrammingError() {
        Fabric fabric = new Fabric();
        assertThatThrownBy(() -> fabric.apply(new MappingOp(partitionId("vpc-x"), true, ipv4("10.0.0.5"),
                interfaceId("vif-1"), List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("partition vpc-x is not in the fabric");
        assertThatThrownBy(() -> fabric.apply(new RouterOp(subnetId("s"), partitionId("vpc-x"), RouterOp.Kind.ROUTE,
                Ipv4Prefix.parse("10.0.0.0/16"), RouteTarget.LOCAL)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subnet s has no router");
        assertThatThrownBy(() -> fabric.apply(new RunOp(platformId("host-x"), instanceId("vm-1"), true)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform host-x is not in the fabric");
    }

    @Test
    void unpluggingTheLastPlugOfARecordDropsItsLoadedGroups() {
        Fabric fabric = sample().compile();
        fabric.apply(plug(false, "host-a", "vif-web", "vm-1", 1, "nic-a2", "02:00:00:00:0a:02", "web"));
        assertThat(fabric.hypervisor(platformId("host-a")).loadedGroups(interfaceId("vif-web"))).isNull();
        assertThat(fabric.loadedGroupsOf(interfaceId("vif-web"))).containsExactly(securityGroupId("sg-web"));
    }

    @Test
    void detachingOneInstanceOfAMultiAttachRecordKeepsItsGroupsForTheOtherOnTheSameHost() {
        TestTopology t = sample();
        t.vm("vm-4", "host-b", "web", "10.0.1.14").attach("vif-web", "vm-4", 1);
        Fabric fabric = t.compile();
        // As the coordinator emits a detach: unload-groups, unplug, then the new mapping.
        fabric.apply(new GroupsLoadOp(platformId("host-b"), false, interfaceId("vif-web"), List.of(securityGroupId("sg-web"))));
        fabric.apply(plug(false, "host-b", "vif-web", "vm-2", 1, "nic-b1", "02:00:00:00:0b:01", "web"));
        for (String ip : List.of("10.0.1.10", "10.0.1.20")) {
            fabric.apply(new MappingOp(partitionId("vpc-a"), true, ipv4(ip), interfaceId("vif-web"),
                    List.of(instanceId("vm-1"), instanceId("vm-4"))));
        }
        t.detach("vif-web", "vm-2");
        assertThat(fabric.differences(t.compile())).isEmpty();
        assertThat(fabric.hypervisor(platformId("host-b")).loadedGroups(interfaceId("vif-web")))
                .containsExactly(securityGroupId("sg-web"));

        // The last instance on that host leaving takes the groups along.
        fabric.apply(new GroupsLoadOp(platformId("host-b"), false, interfaceId("vif-web"), List.of(securityGroupId("sg-web"))));
        assertThat(fabric.hypervisor(platformId("host-b")).loadedGroups(interfaceId("vif-web"))).isNull();
    }

    @Test
    void differencesNameTheEntryThatDiffers() {
        Fabric a = sample().compile();
        Fabric b = a.copy();
        b.apply(new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.2.10"), interfaceId("vif-db"),
                List.of(instanceId("vm-1"))));
        assertThat(a.differences(b)).singleElement().asString()
                .startsWith("partition vpc-a mapping 10.0.2.10: MappingEntry[iface=vif-db, instances=[]]");
    }

    static PlugOp plug(boolean plug, String platform, String iface, String instance, int device, String nic,
                       String mac, String subnet) {
        String partition = subnet.startsWith("b-") ? "vpc-b" : "vpc-a";
        return new PlugOp(platformId(platform), plug, interfaceId(iface), instanceId(instance), device, nicId(nic),
                MacAddress.parse(mac), partitionId(partition), subnetId(subnet), true);
    }
}
