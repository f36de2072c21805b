package org.viflab.flow;

import static org.viflab.fabric.TestTopology.allEgress;
import static org.viflab.fabric.TestTopology.route;
import static org.viflab.fabric.TestTopology.rule;
import static org.viflab.fabric.TestTopology.rules;

import java.util.List;
import java.util.OptionalInt;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.TestTopology;
import org.viflab.model.InstanceState;
import org.viflab.model.Topology;
import org.viflab.net.Protocol;

/**
 * The topology most tracer tests start from.
 *
 * <pre>
 * vpc-a 10.0.0.0/16, internet gateway
 *   web 10.0.1.0/24  0/0 → internet, 172.16/12 → blackhole
 *     vm-1-eth0 10.0.1.11 (public 203.0.113.11, sg-web)  vm-1 on host-a
 *     vm-2-eth0 10.0.1.12 (sg-web)                       vm-2 on host-b
 *     vif-web   10.0.1.10 (public 203.0.113.10, sg-web)  on vm-2, device 1
 *     vif-free  10.0.1.50 (sg-web)                       attached to nothing
 *     vm-s-eth0 10.0.1.60                                 vm-s stopped on host-a
 *   db 10.0.2.0/24  local only
 *     vm-db-eth0 10.0.2.20 (sg-db: in tcp 5432 from sg-web, out nothing)  vm-db on host-b
 *     vm-3-eth0  10.0.2.30 (vpc-a-default)                                vm-3 on host-b
 * vpc-b 10.1.0.0/16, VPN to 192.168.0.0/16, no internet gateway
 *   b-app 10.1.1.0/24  192.168/16 → vpn, 0/0 → internet
 *     vm-b-eth0 10.1.1.10 (sg-b: in all from 10.0.0.0/8 and 192.168.0.0/16)  vm-b on host-c
 * vpc-c 10.2.0.0/16, internet gateway
 *   c-web 10.2.1.0/24  0/0 → internet
 *     vm-c-eth0 10.2.1.10 (public 203.0.113.30, sg-c: in tcp 80 from anywhere)  vm-c on host-c
 * host-a nic-a1 02:00:00:00:0a:01, nic-a2 02:00:00:00:0a:02; host-b nic-b1; host-c nic-c1
 * </pre>
 */
final class FlowLab {

    private FlowLab() {
    }

    static TestTopology lab() {
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, null);
        t.partition("vpc-b", "10.1.0.0/16", false, "192.168.0.0/16");
        t.partition("vpc-c", "10.2.0.0/16", true, null);
        t.subnet("web", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"), route("172.16.0.0/12", "blackhole"));
        t.subnet("db", "vpc-a", "10.0.2.0/24");
        t.subnet("b-app", "vpc-b", "10.1.1.0/24", route("192.168.0.0/16", "vpn"), route("0.0.0.0/0", "internet"));
        t.subnet("c-web", "vpc-c", "10.2.1.0/24", route("0.0.0.0/0", "internet"));
        t.group("sg-web", "vpc-a", rules(rule("tcp", "80,443", "0.0.0.0/0"), rule("tcp", "22", "10.0.0.0/16")),
                allEgress());
        t.group("sg-db", "vpc-a", rules(rule("tcp", "5432", "sg-web")), List.of());
        t.group("sg-b", "vpc-b", rules(rule("all", null, "10.0.0.0/8"), rule("all", null, "192.168.0.0/16")),
                allEgress());
        t.group("sg-c", "vpc-c", rules(rule("tcp", "80", "0.0.0.0/0")), allEgress());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.platform("host-b", "nic-b1=02:00:00:00:0b:01");
        t.platform("host-c", "nic-c1=02:00:00:00:0c:01");
        t.vm("vm-1", "host-a", "web", "10.0.1.11").groups("vm-1-eth0", "sg-web").publicIps("vm-1-eth0", "203.0.113.11");
        t.vm("vm-2", "host-b", "web", "10.0.1.12").groups("vm-2-eth0", "sg-web");
        t.iface("vif-web", "web", "10.0.1.10").groups("vif-web", "sg-web").publicIps("vif-web", "203.0.113.10")
                .attach("vif-web", "vm-2", 1);
        t.iface("vif-free", "web", "10.0.1.50").groups("vif-free", "sg-web");
        t.vm("vm-s", "host-a", "web", "10.0.1.60").state("vm-s", InstanceState.STOPPED);
        t.vm("vm-db", "host-b", "db", "10.0.2.20").groups("vm-db-eth0", "sg-db");
        t.vm("vm-3", "host-b", "db", "10.0.2.30");
        t.vm("vm-b", "host-c", "b-app", "10.1.1.10").groups("vm-b-eth0", "sg-b");
        t.vm("vm-c", "host-c", "c-web", "10.2.1.10").groups("vm-c-eth0", "sg-c").publicIps("vm-c-eth0", "203.0.113.30");
        return t;
    }

    static Flow flow(String from, String to, String protocol, int port) {
        return Flow.of(from, to, Protocol.parse(protocol), port);
    }

    static Flow flow(String from, String to, String protocol, int port, int srcPort) {
        return new Flow(Endpoint.parse(from), Endpoint.parse(to), Protocol.parse(protocol), port, OptionalInt.of(srcPort));
    }

    static Trace trace(TestTopology t, String from, String to, String protocol, int port) {
        Topology topology = t.build();
        return FlowTracer.trace(Fabric.compile(topology), FlowResolver.resolve(topology, flow(from, to, protocol, port)));
    }

    static Trace trace(Fabric fabric, Topology topology, String from, String to, String protocol, int port) {
        return FlowTracer.trace(fabric, FlowResolver.resolve(topology, flow(from, to, protocol, port)));
    }
}
