package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.fabric.TestTopology.allEgress;
import static org.viflab.fabric.TestTopology.route;
import static org.viflab.fabric.TestTopology.rule;
import static org.viflab.fabric.TestTopology.rules;
import static org.viflab.flow.FlowLab.flow;
import static org.viflab.flow.FlowLab.lab;
import static org.viflab.flow.FlowLab.trace;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.Propagation;
import org.viflab.fabric.TestTopology;
import org.viflab.flow.Hop.Action;
import org.viflab.flow.Hop.ComponentKind;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.Topology;
import org.viflab.net.MacAddress;

class FlowTracerTest {

    private static List<String> ids(Trace trace) {
        return trace.path().stream().map(Object::toString).toList();
    }

    // ------------------------------------------------------------ successes

    @Test
    void deliversToTheInstanceTheRecordIsAttachedTo() {
        Trace trace = trace(lab(), "vm-1", "vif-web", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.disposition().isSuccessful()).isTrue();
        assertThat(trace.deliveredTo()).contains(instanceId("vm-2"));
        assertThat(trace.deliveredInterface()).contains(interfaceId("vif-web"));
        assertThat(trace.landing()).containsExactly(instanceId("vm-2"));
        assertThat(ids(trace)).containsExactly("vm-1-eth0", "vif-web");
        assertThat(trace.hops()).extracting(Hop::action).containsExactly(Action.ORIGINATED, Action.PERMITTED,
                Action.TRANSMITTED, Action.FORWARDED, Action.FORWARDED, Action.RECEIVED, Action.PERMITTED,
                Action.DELIVERED);
        assertThat(trace.hops().get(0).src()).isEqualTo(ipv4("10.0.1.11"));
        assertThat(trace.hops().get(0).dst()).isEqualTo(ipv4("10.0.1.10"));
        assertThat(trace.explanation().sentence())
                .isEqualTo("vm-2 receives the packet for 10.0.1.10 on vif-web (host-b, nic-b1 02:00:00:00:0b:01)");
        assertThat(trace.explanation().decidingObject()).isEqualTo("vif-web");
    }

    @Test
    void exitsToTheInternetThroughNat() {
        Trace trace = trace(lab(), "vm-1", "8.8.8.8", "tcp", 443);
        assertThat(trace.disposition()).isEqualTo(Disposition.EXITED);
        assertThat(trace.disposition().isSuccessful()).isTrue();
        assertThat(trace.exit()).contains(Trace.Exit.INTERNET);
        assertThat(trace.hops()).filteredOn(h -> h.action() == Action.TRANSLATED).singleElement()
                .satisfies(h -> {
                    assertThat(h.detail()).isEqualTo("source 10.0.1.11 → 203.0.113.11");
                    assertThat(h.src()).isEqualTo(ipv4("203.0.113.11"));
                });
        assertThat(trace.landing()).isEmpty();
    }

    @Test
    void exitsToOnPremisesThroughTheVpn() {
        Trace trace = trace(lab(), "vm-b", "192.168.5.5", "tcp", 22);
        assertThat(trace.disposition()).isEqualTo(Disposition.EXITED);
        assertThat(trace.exit()).contains(Trace.Exit.VPN);
        assertThat(trace.explanation().sentence())
                .isEqualTo("the packet leaves vpc-b through its VPN gateway to the on-premises host 192.168.5.5");
    }

    @Test
    void reentersAnotherPartitionThroughItsPublicAddress() {
        Trace trace = trace(lab(), "vm-1", "203.0.113.30", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.deliveredTo()).contains(instanceId("vm-c"));
        assertThat(trace.hops()).filteredOn(h -> h.action() == Action.TRANSLATED).extracting(Hop::detail)
                .containsExactly("source 10.0.1.11 → 203.0.113.11", "destination 203.0.113.30 → 10.2.1.10");
        Hop delivered = trace.hops().get(trace.hops().size() - 1);
        assertThat(delivered.src()).isEqualTo(ipv4("203.0.113.11"));
        assertThat(delivered.dst()).isEqualTo(ipv4("10.2.1.10"));
        assertThat(ids(trace)).containsExactly("vm-1-eth0", "vm-c-eth0");
    }

    @Test
    void arrivesFromTheInternetAtAPublicAddress() {
        Trace trace = trace(lab(), "internet", "vif-web", "tcp", 443);
        assertThat(trace.resolved().destination()).isEqualTo(ipv4("203.0.113.10"));
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.deliveredTo()).contains(instanceId("vm-2"));
        assertThat(trace.hops().get(0).src()).isEqualTo(Endpoint.DEFAULT_INTERNET_HOST);
    }

    @Test
    void arrivesFromOnPremisesThroughTheVpn() {
        Trace trace = trace(lab(), "vpn:vpc-b", "vm-b", "tcp", 22);
        assertThat(trace.resolved().source()).isEqualTo(ipv4("192.168.0.1"));
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(trace.deliveredTo()).contains(instanceId("vm-b"));
    }

    @Test
    void aGroupPeerAdmitsMembersOnly() {
        assertThat(trace(lab(), "vm-1", "vm-db", "tcp", 5432).disposition()).isEqualTo(Disposition.DELIVERED);
        Trace stranger = trace(lab(), "vm-3", "vm-db", "tcp", 5432);
        assertThat(stranger.disposition()).isEqualTo(Disposition.DENIED_IN);
        assertThat(stranger.hops().get(stranger.hops().size() - 1).detail())
                .contains("10.0.2.30 (vm-3-eth0) is not in sg-web");
    }

    // ------------------------------------------------------------ security groups

    @Test
    void anEgressGroupWithNoRulesDeniesOut() {
        Trace trace = trace(lab(), "vm-db", "vm-1", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.DENIED_OUT);
        assertThat(trace.deniedBy()).contains(securityGroupId("sg-db"));
        assertThat(trace.explanation().sentence())
                .isEqualTo("vm-db-eth0 may not send tcp port 80 to 10.0.1.11: sg-db has no egress rules");
        assertThat(trace.hops().get(trace.hops().size() - 1))
                .satisfies(h -> {
                    assertThat(h.action()).isEqualTo(Action.DENIED);
                    assertThat(h.componentKind()).isEqualTo(ComponentKind.SECURITY_GROUP);
                    assertThat(h.componentId()).isEqualTo("sg-db");
                });
    }

    @Test
    void anEgressRuleThatDoesNotMatchDeniesOutAndSaysWhy() {
        TestTopology t = lab();
        t.group("sg-web", "vpc-a", rules(rule("tcp", "80,443", "0.0.0.0/0")), rules(rule("tcp", "443", "0.0.0.0/0")));
        Trace trace = trace(t, "vm-1", "vif-web", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.DENIED_OUT);
        assertThat(trace.explanation().sentence()).isEqualTo("vm-1-eth0 may not send tcp port 80 to 10.0.1.10: "
                + "no egress rule of sg-web admits it (sg-web allows only tcp:443 0.0.0.0/0)");
        assertThat(trace.hops().get(trace.hops().size() - 1).detail()).contains("port 80 not in 443");
    }

    @Test
    void anIngressGroupDeniesInNamingTheGroup() {
        Trace trace = trace(lab(), "vm-1", "vm-db", "tcp", 22);
        assertThat(trace.disposition()).isEqualTo(Disposition.DENIED_IN);
        assertThat(trace.deniedBy()).contains(securityGroupId("sg-db"));
        assertThat(trace.explanation().decidingObject()).isEqualTo("sg-db");
        assertThat(trace.explanation().sentence()).isEqualTo("vm-db-eth0 does not accept tcp port 22 from 10.0.1.11: "
                + "no ingress rule of sg-db admits it (sg-db allows only tcp:5432 sg-web)");
        assertThat(ids(trace)).containsExactly("vm-1-eth0", "vm-db-eth0");
        assertThat(trace.crossings().get(1).passed()).isFalse();
    }

    // ------------------------------------------------------------ source/destination check

    /** vm-fw joins web and db: fw-a in web, fw-b in db; web routes db's /24 through fw-a. */
    private static TestTopology withFirewall(boolean checkA, boolean checkB) {
        TestTopology t = lab();
        t.group("sg-fw", "vpc-a", rules(rule("all", null, "10.0.0.0/8")), allEgress());
        t.instance("vm-fw", "host-a");
        t.iface("fw-a", "web", "10.0.1.5").groups("fw-a", "sg-fw").sourceDestCheck("fw-a", checkA).attach("fw-a", "vm-fw", 0);
        t.iface("fw-b", "db", "10.0.2.5").groups("fw-b", "sg-fw", "sg-web").sourceDestCheck("fw-b", checkB)
                .attach("fw-b", "vm-fw", 1);
        t.routes("web", route("0.0.0.0/0", "internet"), route("10.0.2.0/24", "fw-a"));
        return t;
    }

    @Test
    void anApplianceWithItsCheckOnDropsWhatIsNotAddressedToIt() {
        Trace trace = trace(withFirewall(true, false), "vm-1", "vm-db", "tcp", 5432);
        assertThat(trace.disposition()).isEqualTo(Disposition.SPOOF_BLOCKED);
        assertThat(trace.explanation().decidingObject()).isEqualTo("fw-a");
        assertThat(trace.explanation().sentence()).isEqualTo("fw-a has its source/destination check on, so vm-fw "
                + "drops the packet for 10.0.2.20, which is not addressed to it");
    }

    @Test
    void anInterfaceWithItsCheckOnWillNotSendAnotherSource() {
        Trace trace = trace(withFirewall(false, true), "vm-1", "vm-db", "tcp", 5432);
        assertThat(trace.disposition()).isEqualTo(Disposition.SPOOF_BLOCKED);
        assertThat(trace.explanation().decidingObject()).isEqualTo("fw-b");
        assertThat(trace.explanation().sentence()).isEqualTo("fw-b has its source/destination check on and "
                + "10.0.1.11 is not one of its addresses, so it drops the packet");
        assertThat(ids(trace)).containsExactly("vm-1-eth0", "fw-a", "fw-b");
    }

    @Test
    void aSenderWhoseSourceIsNotItsOwnIsBlocked() {
        TestTopology t = lab();
        Topology topology = t.build();
        ResolvedFlow forged = new ResolvedFlow(flow("vm-1", "vif-web", "tcp", 80), ResolvedFlow.Origin.INSTANCE,
                instanceId("vm-1"), interfaceId("vm-1-eth0"), ipv4("10.0.1.99"), partitionId("vpc-a"),
                ipv4("10.0.1.10"), null);
        Trace trace = FlowTracer.trace(Fabric.compile(topology), forged);
        assertThat(trace.disposition()).isEqualTo(Disposition.SPOOF_BLOCKED);
        assertThat(trace.explanation().decidingObject()).isEqualTo("vm-1-eth0");
    }

    @Test
    void anApplianceWithItsChecksOffForwardsBetweenSubnets() {
        Trace trace = trace(withFirewall(false, false), "vm-1", "vm-db", "tcp", 5432);
        assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(ids(trace)).containsExactly("vm-1-eth0", "fw-a", "fw-b", "vm-db-eth0");
        assertThat(trace.hops()).filteredOn(h -> h.componentKind() == ComponentKind.INSTANCE
                && h.action() == Action.FORWARDED).singleElement()
                .extracting(Hop::detail).isEqualTo("vm-fw forwards out of fw-b (its subnet db holds 10.0.2.20)");
    }

    @Test
    void aDualHomedApplianceJoinsTwoPartitions() {
        TestTopology t = lab();
        t.group("sg-fw-a", "vpc-a", rules(rule("all", null, "10.0.0.0/8")), allEgress());
        t.group("sg-fw-b", "vpc-b", rules(rule("all", null, "10.0.0.0/8")), allEgress());
        t.instance("vm-fw", "host-c");
        t.iface("fw-a", "web", "10.0.1.5").groups("fw-a", "sg-fw-a").sourceDestCheck("fw-a", false)
                .attach("fw-a", "vm-fw", 0);
        t.iface("fw-b", "b-app", "10.1.1.5").groups("fw-b", "sg-fw-b").sourceDestCheck("fw-b", false)
                .attach("fw-b", "vm-fw", 1);
        t.routes("web", route("0.0.0.0/0", "internet"), route("10.1.0.0/16", "fw-a"));
        Trace there = trace(t, "vm-1", "10.1.1.10", "tcp", 22);
        assertThat(there.disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(there.deliveredTo()).contains(instanceId("vm-b"));
        assertThat(ids(there)).containsExactly("vm-1-eth0", "fw-a", "fw-b", "vm-b-eth0");
        assertThat(there.hops()).filteredOn(h -> h.componentKind() == ComponentKind.MAPPING).singleElement()
                .extracting(Hop::componentId).isEqualTo("vpc-b");
    }

    // ------------------------------------------------------------ no route

    @Test
    void noMatchingRouteIsNoRoute() {
        Trace trace = trace(lab(), "vm-3", "8.8.8.8", "tcp", 443);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().sentence()).isEqualTo("db has no route to 8.8.8.8, so the packet is dropped");
    }

    @Test
    void aRouteToTheInternetWithoutGatewayIsNoRoute() {
        Trace trace = trace(lab(), "vm-b", "8.8.8.8", "tcp", 443);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().sentence())
                .isEqualTo("b-app routes 0.0.0.0/0 to the internet, but vpc-b has no internet gateway");
    }

    @Test
    void aSourceWithoutPublicAddressCannotReachTheInternet() {
        Trace trace = trace(lab(), "vm-2", "8.8.8.8", "tcp", 443);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().decidingObject()).isEqualTo("vm-2-eth0");
        assertThat(trace.explanation().sentence())
                .isEqualTo("vm-2-eth0 has no public address, so 10.0.1.12 cannot reach the internet (8.8.8.8)");
    }

    @Test
    void aBlackholeRouteIsNoRoute() {
        Trace trace = trace(lab(), "vm-1", "172.16.4.4", "udp", 53);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().sentence()).isEqualTo("web's route 172.16.0.0/12 → blackhole drops traffic for 172.16.4.4");
    }

    @Test
    void aRecordWithoutPublicAddressCannotBeReachedFromTheInternet() {
        Trace trace = trace(lab(), "internet", "vm-2", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().sentence()).isEqualTo("vm-2-eth0 has no public address, so the internet cannot reach it");
    }

    @Test
    void aRouteToAMissingApplianceIsNoRoute() {
        TestTopology t = lab();
        t.routes("web", route("10.9.0.0/16", "vif-free"));
        Trace trace = trace(t, "vm-1", "10.9.0.1", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.NO_ROUTE);
        assertThat(trace.explanation().sentence()).startsWith("the route target vif-free is not attached to any instance");
    }

    // ------------------------------------------------------------ mapping

    @Test
    void anAddressNoRecordOwnsIsUnassigned() {
        Trace trace = trace(lab(), "vm-1", "10.0.1.99", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.UNASSIGNED);
        assertThat(trace.explanation().sentence())
                .isEqualTo("no interface record in vpc-a owns 10.0.1.99, so nothing receives the packet");
        assertThat(trace(lab(), "internet", "203.0.113.99", "tcp", 80).disposition()).isEqualTo(Disposition.UNASSIGNED);
    }

    @Test
    void aRecordAttachedToNothingIsDetached() {
        Trace trace = trace(lab(), "vm-1", "vif-free", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.DETACHED);
        assertThat(trace.explanation().sentence())
                .isEqualTo("vif-free is not attached to any instance, so nothing receives traffic for 10.0.1.50");
    }

    @Test
    void aPublicAddressStaysWithItsDetachedRecord() {
        TestTopology t = lab();
        t.detach("vif-web");
        assertThat(trace(t, "internet", "203.0.113.10", "tcp", 80).disposition()).isEqualTo(Disposition.DETACHED);
    }

    @Test
    void aStoppedReceiverIsNotRunning() {
        Trace trace = trace(lab(), "vm-1", "vm-s", "tcp", 22);
        assertThat(trace.disposition()).isEqualTo(Disposition.NOT_RUNNING);
        assertThat(trace.explanation().decidingObject()).isEqualTo("vm-s");
        assertThat(trace.explanation().sentence())
                .isEqualTo("vm-s-eth0 is attached to vm-s, which is not running, so nothing receives traffic for 10.0.1.60");
    }

    @Test
    void aStoppedSenderIsNotRunning() {
        Trace trace = trace(lab(), "vm-s", "vm-1", "tcp", 22);
        assertThat(trace.disposition()).isEqualTo(Disposition.NOT_RUNNING);
        assertThat(trace.explanation().sentence()).isEqualTo("vm-s is not running, so it cannot send");
    }

    @Test
    void aPlugStillQueuedIsNotPlugged() {
        TestTopology t = lab();
        Topology before = t.build();
        Propagation propagation = new Propagation(Fabric.compile(before), Propagation.Mode.STEPWISE);
        List<ConfigOperation> attach = List.of(
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.1.50"), interfaceId("vif-free"),
                        List.of(instanceId("vm-1"))),
                new PlugOp(platformId("host-a"), true, interfaceId("vif-free"), instanceId("vm-1"), 1, nicId("nic-a2"),
                        MacAddress.parse("02:00:00:00:0a:02"), partitionId("vpc-a"), subnetId("web"), true),
                new GroupsLoadOp(platformId("host-a"), true, interfaceId("vif-free"), List.of(securityGroupId("sg-web"))));
        propagation.submit(attach, Set.of(attachmentId("attach-vif-free-vm-1")), Set.of());
        Topology after = t.attach("vif-free", "vm-1", 1).build();
        Fabric fabric = propagation.fabric();

        assertThat(trace(fabric, after, "vm-2", "vif-free", "tcp", 80).disposition()).isEqualTo(Disposition.DETACHED);
        propagation.propagate(1);
        Trace inFlight = trace(fabric, after, "vm-2", "vif-free", "tcp", 80);
        assertThat(inFlight.disposition()).isEqualTo(Disposition.NOT_PLUGGED);
        assertThat(inFlight.explanation().sentence()).isEqualTo("vif-free is attached to vm-1, but its hypervisor has "
                + "not plugged it in yet, so nothing receives traffic for 10.0.1.50");
        propagation.propagate(1);
        Trace groupsQueued = trace(fabric, after, "vm-2", "vif-free", "tcp", 80);
        assertThat(groupsQueued.disposition()).isEqualTo(Disposition.DENIED_IN);
        assertThat(groupsQueued.deniedBy()).isEmpty();
        assertThat(groupsQueued.explanation().sentence())
                .isEqualTo("the security groups of vif-free are not loaded on host-a yet, so it accepts nothing");
        propagation.drain();
        assertThat(trace(fabric, after, "vm-2", "vif-free", "tcp", 80).disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(fabric).isEqualTo(Fabric.compile(after));
    }

    // ------------------------------------------------------------ NICs and loops

    @Test
    void aReceivingNicDownIsNicDown() {
        Trace trace = trace(lab().nic("host-b", "nic-b1", false), "vm-1", "vif-web", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.NIC_DOWN);
        assertThat(trace.explanation().decidingObject()).isEqualTo("nic-b1");
        assertThat(trace.explanation().sentence()).isEqualTo("nic-b1 on host-b is down, so vif-web cannot receive the packet");
    }

    @Test
    void aSendingNicDownIsNicDown() {
        Trace trace = trace(lab().nic("host-a", "nic-a1", false), "vm-1", "vif-web", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.NIC_DOWN);
        assertThat(trace.explanation().sentence()).isEqualTo("nic-a1 on host-a is down, so vm-1-eth0 cannot send");
    }

    @Test
    void aOneArmedApplianceRoutingToItselfLoops() {
        TestTopology t = lab();
        t.instance("vm-loop", "host-a");
        t.iface("loop-eth0", "web", "10.0.1.7").groups("loop-eth0", "sg-web").sourceDestCheck("loop-eth0", false)
                .attach("loop-eth0", "vm-loop", 0);
        t.group("sg-web", "vpc-a", rules(rule("all", null, "0.0.0.0/0")), allEgress());
        t.routes("web", route("10.7.0.0/16", "loop-eth0"));
        Trace trace = trace(t, "vm-1", "10.7.0.1", "tcp", 80);
        assertThat(trace.disposition()).isEqualTo(Disposition.LOOP);
        assertThat(trace.hops()).filteredOn(h -> h.componentKind() == ComponentKind.ROUTER).hasSize(FlowTracer.HOP_LIMIT + 1);
        assertThat(trace.explanation().sentence()).isEqualTo("the packet passed 16 routers without arriving "
                + "(the last was web's), so it is dropped as a loop");
    }

    // ------------------------------------------------------------ multi-attach

    private static TestTopology withLoadBalancedRecord() {
        TestTopology t = lab();
        t.vm("vm-4", "host-c", "web", "10.0.1.14");
        t.iface("vif-lb", "web", "10.0.1.100").groups("vif-lb", "sg-web").multiAttach("vif-lb");
        t.attach("vif-lb", "vm-2", 2).attach("vif-lb", "vm-4", 1).attach("vif-lb", "vm-1", 1);
        return t;
    }

    @Test
    void aMultiAttachRecordSpreadsFlowsByAStableHash() {
        Topology topology = withLoadBalancedRecord().build();
        Fabric fabric = Fabric.compile(topology);
        Set<InstanceId> chosen = new HashSet<>();
        for (int srcPort = 40000; srcPort < 40040; srcPort++) {
            ResolvedFlow resolved = FlowResolver.resolve(topology, flow("vm-3", "vif-lb", "tcp", 80, srcPort));
            Trace trace = FlowTracer.trace(fabric, resolved);
            assertThat(trace.disposition()).isEqualTo(Disposition.DELIVERED);
            assertThat(trace.landing()).containsExactly(instanceId("vm-1"), instanceId("vm-2"), instanceId("vm-4"));
            assertThat(FlowTracer.trace(fabric, resolved)).isEqualTo(trace);
            chosen.add(trace.deliveredTo().orElseThrow());
        }
        assertThat(chosen).containsExactlyInAnyOrder(instanceId("vm-1"), instanceId("vm-2"), instanceId("vm-4"));

        Trace one = FlowTracer.trace(fabric, FlowResolver.resolve(topology, flow("vm-3", "vif-lb", "tcp", 80, 40000)));
        assertThat(one.hops()).filteredOn(h -> h.componentKind() == ComponentKind.MAPPING).singleElement()
                .extracting(Hop::detail).asString()
                .contains("flow hash picks " + one.deliveredTo().orElseThrow() + " of [vm-1, vm-2, vm-4]");
        // The hash is fixed: a known tuple always picks the same index.
        assertThat(FlowTracer.flowHash(ipv4("10.0.2.30"), ipv4("10.0.1.100"), org.viflab.net.Protocol.TCP, 40000, 80))
                .isEqualTo(FlowTracer.flowHash(ipv4("10.0.2.30"), ipv4("10.0.1.100"), org.viflab.net.Protocol.TCP, 40000, 80));
    }

    @Test
    void aMultiAttachRecordSkipsInstancesThatAreNotRunning() {
        TestTopology t = withLoadBalancedRecord();
        t.state("vm-4", InstanceState.STOPPED).state("vm-1", InstanceState.STOPPED);
        Topology topology = t.build();
        Fabric fabric = Fabric.compile(topology);
        for (int srcPort = 40000; srcPort < 40010; srcPort++) {
            Trace trace = FlowTracer.trace(fabric, FlowResolver.resolve(topology, flow("vm-3", "vif-lb", "tcp", 80, srcPort)));
            assertThat(trace.deliveredTo()).contains(instanceId("vm-2"));
            assertThat(trace.landing()).hasSize(3);
        }
    }

    // ------------------------------------------------------------ purity and counters

    @Test
    void tracingChangesNothingAndGivesTheSameTraceTwice() {
        Topology topology = withFirewall(false, false).build();
        Fabric fabric = Fabric.compile(topology);
        Fabric before = fabric.copy();
        ResolvedFlow resolved = FlowResolver.resolve(topology, flow("vm-1", "vm-db", "tcp", 5432));
        Trace first = FlowTracer.trace(fabric, resolved);
        Trace second = FlowTracer.trace(fabric, resolved);
        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(second.toText()).isEqualTo(first.toText());
        assertThat(fabric).isEqualTo(before);
    }

    @Test
    void countersCountPacketsOutAndInAlongTheTrace() {
        Counters counters = new Counters();
        counters.count(trace(lab(), "vm-1", "vif-web", "tcp", 80));
        counters.count(trace(lab(), "vm-1", "vm-db", "tcp", 22), 3, 100);
        assertThat(counters.of(interfaceId("vm-1-eth0"))).isEqualTo(new org.viflab.model.InterfaceCounters(0, 4, 0, 364));
        assertThat(counters.of(interfaceId("vif-web"))).isEqualTo(new org.viflab.model.InterfaceCounters(1, 0, 64, 0));
        // Denied on arrival: nothing counted in.
        assertThat(counters.of(interfaceId("vm-db-eth0"))).isEqualTo(org.viflab.model.InterfaceCounters.ZERO);
        assertThat(counters.all()).containsOnlyKeys(interfaceId("vif-web"), interfaceId("vm-1-eth0"));
        counters.reset();
        assertThat(counters.all()).isEmpty();
    }
}
