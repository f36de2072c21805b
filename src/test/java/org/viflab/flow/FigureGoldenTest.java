package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.fabric.TestTopology.allEgress;
import static org.viflab.fabric.TestTopology.route;
import static org.viflab.fabric.TestTopology.rule;
import static org.viflab.fabric.TestTopology.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.TestTopology;
import org.viflab.model.Topology;

/**
 * The design's figures as traces, compared with text files in {@code src/test/resources/golden/}
 * (one file per figure, one section per situation). Run with {@code -Dgolden.update=true} to
 * regenerate them after an intended change, and read the diff.
 */
class FigureGoldenTest {

    /** Collects the traces of one figure as text. */
    private static final class Figure {
        private final StringBuilder text = new StringBuilder();

        Figure(String title) {
            text.append("# ").append(title).append('\n');
        }

        Trace trace(String label, TestTopology t, String from, String to, String protocol, int port) {
            Topology topology = t.build();
            Trace trace = FlowTracer.trace(Fabric.compile(topology),
                    FlowResolver.resolve(topology, FlowLab.flow(from, to, protocol, port)));
            text.append('\n').append("## ").append(label).append('\n').append(trace.toText());
            return trace;
        }

        void check(String name) {
            GoldenFiles.assertMatches(name, text.toString());
        }
    }

    /** One partition with a web subnet, two hosts, two instances and a client; vif-web is free. */
    private static TestTopology webLab() {
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, null);
        t.subnet("web", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"));
        t.group("sg-web", "vpc-a", rules(rule("tcp", "80,443", "0.0.0.0/0")), allEgress());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.platform("host-b", "nic-b1=02:00:00:00:0b:01", "nic-b2=02:00:00:00:0b:02");
        t.vm("vm-1", "host-a", "web", "10.0.1.11");
        t.vm("vm-2", "host-b", "web", "10.0.1.12");
        t.vm("client", "host-b", "web", "10.0.1.20");
        t.iface("vif-web", "web", "10.0.1.10").groups("vif-web", "sg-web").publicIps("vif-web", "203.0.113.10");
        return t;
    }

    @Test
    void figure3AttachingARecordMakesItsAddressLandOnTheInstance() {
        Figure figure = new Figure("Figure 3: attach vif-web to vm-1 (device 1)");
        TestTopology t = webLab();
        assertThat(figure.trace("before: vif-web is free", t, "client", "vif-web", "tcp", 80).disposition())
                .isEqualTo(Disposition.DETACHED);
        t.attach("vif-web", "vm-1", 1);
        assertThat(figure.trace("after: attached to vm-1", t, "client", "vif-web", "tcp", 80).disposition())
                .isEqualTo(Disposition.DELIVERED);
        figure.trace("after: from the internet to its public address", t, "internet", "vif-web", "tcp", 443);
        figure.check("figure-3-attach");
    }

    @Test
    void figure4DetachingLeavesTheAddressesWithTheRecord() {
        Figure figure = new Figure("Figure 4: detach vif-web from vm-1");
        TestTopology t = webLab().attach("vif-web", "vm-1", 1);
        figure.trace("before: attached to vm-1", t, "client", "vif-web", "tcp", 80);
        t.detach("vif-web");
        assertThat(figure.trace("after: the private address", t, "client", "vif-web", "tcp", 80).disposition())
                .isEqualTo(Disposition.DETACHED);
        assertThat(figure.trace("after: the public address", t, "internet", "vif-web", "tcp", 80).disposition())
                .isEqualTo(Disposition.DETACHED);
        figure.check("figure-4-detach");
    }

    @Test
    void figure5ReattachingMovesTheTrafficToAnotherInstance() {
        Figure figure = new Figure("Figure 5: re-attach vif-web from vm-1 to vm-2 (a standby on another host)");
        TestTopology t = webLab().attach("vif-web", "vm-1", 1);
        figure.trace("on vm-1", t, "internet", "vif-web", "tcp", 80);
        t.detach("vif-web").attach("vif-web", "vm-2", 1);
        Trace after = figure.trace("on vm-2: same addresses, same groups, another host", t, "internet", "vif-web",
                "tcp", 80);
        assertThat(after.deliveredTo()).map(Object::toString).contains("vm-2");
        figure.check("figure-5-reattach");
    }

    @Test
    void figure6ASecondInterfaceInAnotherSubnet() {
        Figure figure = new Figure("Figure 6: vm-1 gets a second interface, vif-db, in the db subnet");
        TestTopology t = webLab();
        t.subnet("db", "vpc-a", "10.0.2.0/24");
        t.group("sg-db", "vpc-a", rules(rule("tcp", "5432", "10.0.2.0/24")), allEgress());
        t.vm("db-client", "host-b", "db", "10.0.2.20");
        t.iface("vif-db", "db", "10.0.2.10").groups("vif-db", "sg-db").attach("vif-db", "vm-1", 1);
        Trace in = figure.trace("a db client reaches vm-1 on its db address", t, "db-client", "vif-db", "tcp", 5432);
        assertThat(in.deliveredTo()).map(Object::toString).contains("vm-1");
        Trace out = figure.trace("vm-1 talks to the db subnet through vif-db", t, "vm-1", "db-client", "tcp", 22);
        assertThat(out.path()).map(Object::toString).containsExactly("vif-db", "db-client-eth0");
        figure.trace("the db address does not accept web traffic", t, "client", "vif-db", "tcp", 80);
        figure.check("figure-6-second-interface");
    }

    @Test
    void figure7MovingAnInstanceChangesTheMacCarryingItsInterfaces() {
        Figure figure = new Figure("Figure 7: vm-1 moves from host-a to host-b; its interfaces follow, the MACs change");
        TestTopology t = webLab().attach("vif-web", "vm-1", 1);
        Trace before = figure.trace("on host-a", t, "client", "vif-web", "tcp", 80);
        t.move("vm-1", "host-b");
        Trace after = figure.trace("on host-b", t, "client", "vif-web", "tcp", 80);
        assertThat(before.explanation().sentence()).contains("02:00:00:00:0a:02");
        assertThat(after.explanation().sentence()).contains("02:00:00:00:0b:02");
        assertThat(Fabric.compile(t.build()).macsOf(org.viflab.model.InterfaceId.interfaceId("vif-web")))
                .map(Object::toString).containsExactly("02:00:00:00:0b:02");
        figure.check("figure-7-move");
    }

    @Test
    void figure8aFrontEndAndBackEndWithDifferentSecurity() {
        Figure figure = new Figure("Figure 8a: a front-end interface and a back-end interface with different security");
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, null);
        t.subnet("front", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"));
        t.subnet("back", "vpc-a", "10.0.2.0/24");
        t.group("sg-front", "vpc-a", rules(rule("tcp", "80,443", "0.0.0.0/0")), allEgress());
        t.group("sg-back", "vpc-a", rules(rule("tcp", "22", "10.0.2.0/24")), rules(rule("tcp", "5432", "sg-db")));
        t.group("sg-db", "vpc-a", rules(rule("tcp", "5432", "sg-back")), List.of());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.platform("host-b", "nic-b1=02:00:00:00:0b:01");
        t.instance("vm-app", "host-a");
        t.iface("vif-front", "front", "10.0.1.10").groups("vif-front", "sg-front")
                .publicIps("vif-front", "203.0.113.10").attach("vif-front", "vm-app", 0);
        t.iface("vif-back", "back", "10.0.2.10").groups("vif-back", "sg-back").attach("vif-back", "vm-app", 1);
        t.vm("vm-db", "host-b", "back", "10.0.2.20").groups("vm-db-eth0", "sg-db");
        figure.trace("the public serves the front end", t, "internet", "vif-front", "tcp", 443);
        figure.trace("the front end refuses ssh from the internet", t, "internet", "vif-front", "tcp", 22);
        figure.trace("the back end reaches the database", t, "vm-app", "vm-db", "tcp", 5432);
        figure.trace("the back end may send nothing else", t, "vm-app", "vm-db", "tcp", 22);
        Trace db = figure.trace("the database sends nothing first", t, "vm-db", "vif-back", "tcp", 22);
        assertThat(db.disposition()).isEqualTo(Disposition.DENIED_OUT);
        figure.check("figure-8a-front-and-back-end");
    }

    @Test
    void figure8bDataAndManagementSubnets() {
        Figure figure = new Figure("Figure 8b: a data interface and a management interface in separate subnets");
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, "192.168.0.0/16");
        t.subnet("data", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"));
        t.subnet("mgmt", "vpc-a", "10.0.9.0/24", route("192.168.0.0/16", "vpn"));
        t.group("sg-data", "vpc-a", rules(rule("tcp", "443", "0.0.0.0/0")), allEgress());
        t.group("sg-mgmt", "vpc-a", rules(rule("tcp", "22", "192.168.0.0/16"), rule("tcp", "22", "10.0.9.0/24")),
                allEgress());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.instance("vm-srv", "host-a");
        t.iface("vif-data", "data", "10.0.1.10").groups("vif-data", "sg-data").publicIps("vif-data", "203.0.113.10")
                .attach("vif-data", "vm-srv", 0);
        t.iface("vif-mgmt", "mgmt", "10.0.9.10").groups("vif-mgmt", "sg-mgmt").attach("vif-mgmt", "vm-srv", 1);
        t.vm("vm-admin", "host-a", "mgmt", "10.0.9.20").groups("vm-admin-eth0", "sg-mgmt");
        figure.trace("customers reach the data interface", t, "internet", "vif-data", "tcp", 443);
        figure.trace("ssh on the data interface is refused", t, "internet", "vif-data", "tcp", 22);
        figure.trace("an operator on premises reaches the management interface", t, "vpn:vpc-a", "vif-mgmt", "tcp", 22);
        figure.trace("an admin host in the management subnet", t, "vm-admin", "vif-mgmt", "tcp", 22);
        Trace report = figure.trace("the server reports to on premises over the management subnet", t, "vm-admin",
                "192.168.10.5", "udp", 514);
        assertThat(report.exit()).contains(Trace.Exit.VPN);
        figure.check("figure-8b-data-and-management");
    }

    /** Customer A's and customer B's partitions joined by a provider appliance with one leg in each. */
    private static TestTopology twoCustomers(boolean gatewayCheckB) {
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", false, null);
        t.partition("vpc-b", "10.1.0.0/16", false, null);
        t.subnet("a-app", "vpc-a", "10.0.1.0/24", route("10.1.0.0/16", "gw-a"));
        t.subnet("b-app", "vpc-b", "10.1.1.0/24", route("10.0.0.0/16", "gw-b"));
        t.group("sg-a", "vpc-a", rules(rule("tcp", "443", "10.1.0.0/16")), allEgress());
        t.group("sg-b", "vpc-b", rules(rule("tcp", "443", "10.0.0.0/16")), allEgress());
        t.group("sg-gw-a", "vpc-a", rules(rule("all", null, "10.0.0.0/8")), allEgress());
        t.group("sg-gw-b", "vpc-b", rules(rule("all", null, "10.0.0.0/8")), allEgress());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01");
        t.platform("host-b", "nic-b1=02:00:00:00:0b:01");
        t.platform("host-g", "nic-g1=02:00:00:00:01:01", "nic-g2=02:00:00:00:01:02");
        t.vm("vm-a", "host-a", "a-app", "10.0.1.10").groups("vm-a-eth0", "sg-a");
        t.vm("vm-b", "host-b", "b-app", "10.1.1.10").groups("vm-b-eth0", "sg-b");
        t.instance("vm-gw", "host-g");
        t.iface("gw-a", "a-app", "10.0.1.5").groups("gw-a", "sg-gw-a").sourceDestCheck("gw-a", false)
                .attach("gw-a", "vm-gw", 0);
        t.iface("gw-b", "b-app", "10.1.1.5").groups("gw-b", "sg-gw-b").sourceDestCheck("gw-b", gatewayCheckB)
                .attach("gw-b", "vm-gw", 1);
        return t;
    }

    @Test
    void figure8cADualHomedApplianceJoinsTwoCustomersPartitions() {
        Figure figure = new Figure("Figure 8c: a dual-homed appliance joins customer A's and customer B's partitions");
        TestTopology t = twoCustomers(false);
        Trace there = figure.trace("A to B through the appliance", t, "vm-a", "vm-b", "tcp", 443);
        assertThat(there.path()).map(Object::toString).containsExactly("vm-a-eth0", "gw-a", "gw-b", "vm-b-eth0");
        figure.trace("B to A through the appliance", t, "vm-b", "vm-a", "tcp", 443);
        figure.trace("an address nobody holds in B", t, "vm-a", "10.1.1.99", "tcp", 443);
        Trace blocked = figure.trace("with gw-b's source/destination check on", twoCustomers(true), "vm-a", "vm-b",
                "tcp", 443);
        assertThat(blocked.disposition()).isEqualTo(Disposition.SPOOF_BLOCKED);
        figure.check("figure-8c-dual-homed-appliance");
    }

    @Test
    void figure8dAVendorsInterfaceAttachedForSupportWithAnEgressPolicy() {
        Figure figure = new Figure("Figure 8d: the vendor's interface vif-support, attached to customer A's vm-a, "
                + "may reach only the vendor's support server");
        TestTopology t = new TestTopology();
        t.partition("vpc-a", "10.0.0.0/16", true, null);
        t.partition("vpc-vendor", "10.9.0.0/16", false, null);
        t.subnet("a-app", "vpc-a", "10.0.1.0/24", route("0.0.0.0/0", "internet"));
        t.subnet("vendor", "vpc-vendor", "10.9.1.0/24");
        t.group("sg-a", "vpc-a", rules(rule("tcp", "443", "0.0.0.0/0")), allEgress());
        t.group("sg-support", "vpc-vendor", rules(rule("tcp", "22", "10.9.1.0/24")),
                rules(rule("tcp", "443", "10.9.1.10/32")));
        t.group("sg-vendor", "vpc-vendor", rules(rule("tcp", "443", "10.9.1.0/24")), allEgress());
        t.platform("host-a", "nic-a1=02:00:00:00:0a:01", "nic-a2=02:00:00:00:0a:02");
        t.platform("host-v", "nic-v1=02:00:00:00:0f:01");
        t.vm("vm-a", "host-a", "a-app", "10.0.1.10").groups("vm-a-eth0", "sg-a");
        t.vm("vendor-srv", "host-v", "vendor", "10.9.1.10").groups("vendor-srv-eth0", "sg-vendor");
        t.iface("vif-support", "vendor", "10.9.1.50").groups("vif-support", "sg-support")
                .attach("vif-support", "vm-a", 1);
        Trace support = figure.trace("vm-a reaches the support server through vif-support", t, "vm-a", "vendor-srv",
                "tcp", 443);
        assertThat(support.path()).map(Object::toString).containsExactly("vif-support", "vendor-srv-eth0");
        Trace other = figure.trace("anything else in the vendor's network is refused", t, "vm-a", "10.9.1.11",
                "tcp", 22);
        assertThat(other.deniedBy()).map(Object::toString).contains("sg-support");
        figure.trace("the vendor logs in to vm-a over vif-support", t, "vendor-srv", "vif-support", "tcp", 22);
        Trace home = figure.trace("the vendor cannot reach customer A's own network", t, "vendor-srv", "vm-a", "tcp", 443);
        assertThat(home.disposition()).isEqualTo(Disposition.NO_ROUTE);
        figure.check("figure-8d-vendor-interface");
    }
}
