package org.viflab.fabric;

import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * Builds topologies for tests from model records, the way the coordinator would leave them: each
 * partition gets its default group. Mutable, so a test can change one thing and build again.
 */
public final class TestTopology {

    public static final String ZONE = "zone-1";

    private Topology.Builder builder = Topology.empty().toBuilder();
    private int attachmentSequence;

    public static Route route(String to, String via) {
        return new Route(prefix(to), RouteTarget.parse(via));
    }

    /**
     * Parses a CIDR; a "/0" prefix is built directly, since {@code Ipv4Prefix.parse} rejected it at
     * one time (its parser took the 0 for a leading zero).
     */
    public static Ipv4Prefix prefix(String text) {
        if (text.endsWith("/0")) {
            return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, text.length() - 2)), 0);
        }
        return Ipv4Prefix.parse(text);
    }

    /** A rule: protocol, ports (null or "" for all), peer (CIDR or group id). */
    public static Rule rule(String protocol, String ports, String peer) {
        RulePeer rulePeer = Character.isDigit(peer.charAt(0)) ? RulePeer.of(prefix(peer)) : RulePeer.parse(peer);
        return new Rule(Protocol.parse(protocol), ports == null || ports.isEmpty() ? null : PortSet.parse(ports),
                rulePeer);
    }

    public static List<Rule> rules(Rule... rules) {
        return List.of(rules);
    }

    public static List<Rule> allEgress() {
        return SecurityGroup.allowAllEgress();
    }

    public TestTopology partition(String id, String cidr) {
        return partition(id, cidr, false, null);
    }

    public TestTopology partition(String id, String cidr, boolean internetGateway, String vpnOnPremises) {
        PartitionId pid = partitionId(id);
        Partition partition = new Partition(pid, Topology.OPERATOR, Ipv4Prefix.parse(cidr), internetGateway,
                Optional.ofNullable(vpnOnPremises).map(Ipv4Prefix::parse), Partition.defaultGroupOf(pid));
        builder.putPartition(partition);
        builder.putSecurityGroup(Fabric.defaultGroup(partition));
        return this;
    }

    public TestTopology subnet(String id, String partition, String cidr, Route... routes) {
        builder.putSubnet(new Subnet(subnetId(id), partitionId(partition), Ipv4Prefix.parse(cidr), ZONE, List.of(routes)));
        return this;
    }

    public TestTopology routes(String subnet, Route... routes) {
        Subnet s = peek().subnets().get(subnetId(subnet));
        builder.putSubnet(s.withRoutes(List.of(routes)));
        return this;
    }

    public TestTopology group(String id, String partition, List<Rule> ingress, List<Rule> egress) {
        builder.putSecurityGroup(new SecurityGroup(securityGroupId(id), partitionId(partition), "", ingress, egress));
        return this;
    }

    /** A platform; each NIC is "id=mac", optionally followed by ":down". */
    public TestTopology platform(String id, String... nics) {
        List<PhysicalNic> list = new ArrayList<>();
        for (String spec : nics) {
            boolean down = spec.endsWith(":down");
            String text = down ? spec.substring(0, spec.length() - ":down".length()) : spec;
            String[] parts = text.split("=");
            list.add(new PhysicalNic(nicId(parts[0]), MacAddress.parse(parts[1]), !down));
        }
        builder.putPlatform(new ServicePlatform(platformId(id), ZONE, 64, list));
        return this;
    }

    public TestTopology nic(String platform, String nic, boolean up) {
        ServicePlatform p = peek().platforms().get(platformId(platform));
        builder.putPlatform(p.withNic(p.nic(nicId(nic)).orElseThrow().withUp(up)));
        return this;
    }

    /** An instance, placed on {@code platform} (null: not placed), in {@code state}. */
    public TestTopology instance(String id, String platform, InstanceState state) {
        builder.putInstance(new ResourceInstance(instanceId(id), Topology.OPERATOR, "m5.4xlarge", ZONE,
                Optional.ofNullable(platform).map(p -> platformId(p)), state, Map.of()));
        return this;
    }

    /** A running instance on a platform. */
    public TestTopology instance(String id, String platform) {
        return instance(id, platform, InstanceState.RUNNING);
    }

    public TestTopology state(String instance, InstanceState state) {
        ResourceInstance i = peek().instances().get(instanceId(instance));
        builder.putInstance(i.withState(state));
        return this;
    }

    public TestTopology move(String instance, String platform) {
        ResourceInstance i = peek().instances().get(instanceId(instance));
        builder.putInstance(i.withPlatform(Optional.ofNullable(platform).map(p -> platformId(p))));
        return this;
    }

    /** A record in a subnet with its private addresses (primary first) and the partition's default group. */
    public TestTopology iface(String id, String subnet, String... privateIps) {
        Subnet s = peek().subnets().get(subnetId(subnet));
        if (s == null) {
            throw new IllegalArgumentException("no subnet " + subnet);
        }
        List<Ipv4Address> ips = Arrays.stream(privateIps).map(Ipv4Address::parse).toList();
        builder.putInterface(new InterfaceRecord(interfaceId(id), "", s.partition(), ZONE, s.id(), ips, List.of(),
                List.of(Partition.defaultGroupOf(s.partition())), Set.of(), Set.of(), Topology.OPERATOR, true, null,
                Map.of(), OptionalInt.empty(), false, false));
        return this;
    }

    public TestTopology change(String iface, UnaryOperator<InterfaceRecord.Builder> change) {
        InterfaceRecord r = peek().interfaces().get(interfaceId(iface));
        builder.putInterface(change.apply(r.toBuilder()).build());
        return this;
    }

    /** Public addresses, each mapped to the primary private address. */
    public TestTopology publicIps(String iface, String... publics) {
        return change(iface, b -> {
            List<PublicAddress> list = new ArrayList<>();
            for (String p : publics) {
                list.add(new PublicAddress(Ipv4Address.parse(p), b.privateIps.get(0)));
            }
            b.publicIps = list;
            return b;
        });
    }

    public TestTopology groups(String iface, String... groups) {
        return change(iface, b -> {
            b.securityGroups = Arrays.stream(groups).map(g -> securityGroupId(g)).toList();
            return b;
        });
    }

    public TestTopology sourceDestCheck(String iface, boolean on) {
        return change(iface, b -> {
            b.sourceDestCheck = on;
            return b;
        });
    }

    public TestTopology multiAttach(String iface) {
        return change(iface, b -> {
            b.multiAttach = true;
            return b;
        });
    }

    public TestTopology attach(String iface, String instance, int deviceIndex) {
        attachmentSequence++;
        builder.putAttachment(new Attachment(attachmentId("attach-" + iface + "-" + instance), interfaceId(iface),
                instanceId(instance), Topology.OPERATOR, deviceIndex, false));
        return this;
    }

    /** An instance with its device-0 record ({@code <id>-eth0}) in a subnet, running on a platform. */
    public TestTopology vm(String id, String platform, String subnet, String ip) {
        instance(id, platform);
        iface(id + "-eth0", subnet, ip);
        return attach(id + "-eth0", id, 0);
    }

    public TestTopology detach(String iface) {
        InterfaceId id = interfaceId(iface);
        for (Attachment a : peek().attachmentsOf(id)) {
            builder.removeAttachment(a.id());
        }
        return this;
    }

    public TestTopology detach(String iface, String instance) {
        InstanceId inst = instanceId(instance);
        for (Attachment a : peek().attachmentsOf(interfaceId(iface))) {
            if (a.instance().equals(inst)) {
                builder.removeAttachment(a.id());
            }
        }
        return this;
    }

    public TestTopology removeInterface(String iface) {
        detach(iface);
        builder.removeInterface(interfaceId(iface));
        return this;
    }

    public Topology peek() {
        return builder.peek();
    }

    public Topology build() {
        Topology built = builder.build();
        builder = built.toBuilder();
        return built;
    }

    public Fabric compile() {
        return Fabric.compile(build());
    }

    static PlatformId platform(String id) {
        return platformId(id);
    }
}
