package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.flow.FlowLab.flow;
import static org.viflab.flow.FlowLab.lab;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.net.Ipv4Address.ipv4;

import org.junit.jupiter.api.Test;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.TestTopology;
import org.viflab.model.Topology;

class FlowResolverTest {

    private static final Topology LAB = lab().build();

    @Test
    void anInstanceSendsFromItsDevice0PrimaryAddress() {
        ResolvedFlow r = FlowResolver.resolve(LAB, flow("vm-1", "8.8.8.8", "tcp", 80));
        assertThat(r.origin()).isEqualTo(ResolvedFlow.Origin.INSTANCE);
        assertThat(r.senderInstance()).isEqualTo(instanceId("vm-1"));
        assertThat(r.senderInterface()).isEqualTo(interfaceId("vm-1-eth0"));
        assertThat(r.source()).isEqualTo(ipv4("10.0.1.11"));
        assertThat(r.partition()).isEqualTo(partitionId("vpc-a"));
    }

    @Test
    void anInstanceSendsThroughTheInterfaceWhoseSubnetHoldsTheDestination() {
        TestTopology t = lab();
        t.iface("vm-1-db", "db", "10.0.2.11").attach("vm-1-db", "vm-1", 2);
        t.iface("vm-1-db2", "db", "10.0.2.12").attach("vm-1-db2", "vm-1", 3);
        ResolvedFlow r = FlowResolver.resolve(t.build(), flow("vm-1", "vm-db", "tcp", 5432));
        assertThat(r.senderInterface()).isEqualTo(interfaceId("vm-1-db"));
        assertThat(r.source()).isEqualTo(ipv4("10.0.2.11"));
        assertThat(r.destination()).isEqualTo(ipv4("10.0.2.20"));
    }

    @Test
    void aRecordSendsFromItsPrimaryAddressThroughItsInstance() {
        ResolvedFlow r = FlowResolver.resolve(LAB, flow("vif-web", "vm-1", "tcp", 22));
        assertThat(r.origin()).isEqualTo(ResolvedFlow.Origin.INTERFACE);
        assertThat(r.senderInstance()).isEqualTo(instanceId("vm-2"));
        assertThat(r.source()).isEqualTo(ipv4("10.0.1.10"));
        assertThat(r.destination()).isEqualTo(ipv4("10.0.1.11"));
    }

    @Test
    void aDetachedRecordCannotSend() {
        ResolvedFlow r = FlowResolver.resolve(LAB, flow("vif-free", "vm-1", "tcp", 22));
        assertThat(r.senderInstance()).isNull();
        Trace trace = FlowTracer.trace(Fabric.compile(LAB), r);
        assertThat(trace.disposition()).isEqualTo(Disposition.DETACHED);
        assertThat(trace.explanation().sentence()).isEqualTo("vif-free is not attached to any instance, so nothing can send from it");
    }

    @Test
    void theInternetSendsFromTheDefaultHostToAPublicAddress() {
        ResolvedFlow r = FlowResolver.resolve(LAB, flow("internet", "vm-1", "tcp", 443));
        assertThat(r.source()).isEqualTo(ipv4("198.51.100.10"));
        assertThat(r.destination()).isEqualTo(ipv4("203.0.113.11"));
        assertThat(r.partition()).isNull();
        ResolvedFlow given = FlowResolver.resolve(LAB, flow("internet:192.0.2.7", "203.0.113.10", "tcp", 443));
        assertThat(given.source()).isEqualTo(ipv4("192.0.2.7"));
        assertThat(given.destination()).isEqualTo(ipv4("203.0.113.10"));
    }

    @Test
    void theVpnSendsFromTheFirstOnPremisesAddressUnlessGiven() {
        assertThat(FlowResolver.resolve(LAB, flow("vpn:vpc-b", "vm-b", "tcp", 22)).source()).isEqualTo(ipv4("192.168.0.1"));
        assertThat(FlowResolver.resolve(LAB, flow("vpn:vpc-b:192.168.7.7", "vm-b", "tcp", 22)).source())
                .isEqualTo(ipv4("192.168.7.7"));
        assertThatThrownBy(() -> FlowResolver.resolve(LAB, flow("vpn:vpc-a", "vm-1", "tcp", 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vpc-a has no VPN gateway");
        assertThatThrownBy(() -> FlowResolver.resolve(LAB, flow("vpn:vpc-x", "vm-1", "tcp", 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no partition is named 'vpc-x'");
    }

    @Test
    void unknownIdsAreNamedInTheError() {
        assertThatThrownBy(() -> FlowResolver.resolve(LAB, flow("vm-9", "vm-1", "tcp", 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no instance or interface record is named 'vm-9'");
        assertThatThrownBy(() -> FlowResolver.resolve(LAB, flow("vm-1", "vif-9", "tcp", 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no instance or interface record is named 'vif-9'");
        assertThatThrownBy(() -> FlowResolver.resolve(LAB, flow("10.0.1.11", "vm-1", "tcp", 22)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not from the address 10.0.1.11");
    }
}
