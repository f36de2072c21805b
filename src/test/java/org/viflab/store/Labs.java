package org.viflab.store;

import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.PrincipalId.principalId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;
import static org.viflab.net.Ipv4Prefix.cidr;
import static org.viflab.net.MacAddress.mac;
import static org.viflab.net.PortSet.ports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PrincipalId;
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
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.Protocol;

/** Topologies and changes for the store tests, built from the model records directly. */
final class Labs {

    static final PrincipalId ALICE = principalId("alice");
    static final PrincipalId BOB = principalId("bob");
    static final PrincipalId CAROL = principalId("carol");

    private Labs() {
    }

    /** A journal entry for {@code version}, made by the operator at a fixed time with nanoseconds. */
    static JournalEntry entry(long version, String request) {
        return new JournalEntry(version, Topology.OPERATOR, request, "ok",
                Instant.parse("2026-11-25T10:15:30.123456789Z").plusSeconds(version), Optional.empty());
    }

    /**
     * Applies {@code change} to {@code before}, commits it as the next version and returns the
     * snapshot that was committed.
     */
    static Topology commit(Repository repository, Topology before, String request, Consumer<Topology.Builder> change) {
        Topology.Builder builder = before.toBuilder();
        change.accept(builder);
        long next = before.version() + 1;
        Topology after = builder.version(next).build();
        repository.commit(before.version(), after, Set.copyOf(builder.touched()), entry(next, request));
        return after;
    }

    static Partition vpcA() {
        return new Partition(partitionId("vpc-a"), ALICE, cidr("10.0.0.0/16"), true,
                Optional.of(cidr("192.168.0.0/16")), securityGroupId("sg-imported"));
    }

    static Partition vpcB() {
        return new Partition(partitionId("vpc-b"), BOB, cidr("10.1.0.0/16"), false, Optional.empty(),
                Partition.defaultGroupOf(partitionId("vpc-b")));
    }

    static Subnet subnetA1() {
        return new Subnet(subnetId("subnet-a1"), partitionId("vpc-a"), cidr("10.0.1.0/24"), "zone-1", List.of(
                new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET),
                new Route(cidr("192.168.0.0/16"), RouteTarget.VPN),
                new Route(cidr("10.9.0.0/16"), RouteTarget.appliance(interfaceId("vif-fw"))),
                new Route(cidr("10.8.0.0/16"), RouteTarget.BLACKHOLE),
                new Route(cidr("10.0.0.0/16"), RouteTarget.LOCAL),
                // An appliance whose id is also a target keyword must read back as the appliance.
                new Route(cidr("10.7.0.0/16"), RouteTarget.appliance(interfaceId("local")))));
    }

    static Subnet subnetA2() {
        return new Subnet(subnetId("subnet-a2"), partitionId("vpc-a"), cidr("10.0.2.0/24"), "zone-2", List.of());
    }

    static Subnet subnetB1() {
        return new Subnet(subnetId("subnet-b1"), partitionId("vpc-b"), cidr("10.1.1.0/28"), "zone-1",
                List.of(new Route(Ipv4Prefix.ANY, RouteTarget.BLACKHOLE)));
    }

    static SecurityGroup sgWeb() {
        return new SecurityGroup(securityGroupId("sg-web"), partitionId("vpc-a"), "web servers", List.of(
                new Rule(Protocol.TCP, ports("8000-8080,443,80"), RulePeer.of(Ipv4Prefix.ANY)),
                new Rule(Protocol.ICMP, null, RulePeer.of(securityGroupId("sg-admin"))),
                new Rule(Protocol.UDP, ports("53"), RulePeer.of(cidr("10.0.0.7/32"))),
                // A group id that begins with a digit must not read back as an address.
                new Rule(Protocol.TCP, ports("22"), RulePeer.of(securityGroupId("10-ops")))),
                SecurityGroup.allowAllEgress());
    }

    static SecurityGroup sgAdmin() {
        return new SecurityGroup(securityGroupId("sg-admin"), partitionId("vpc-a"), null,
                List.of(new Rule(Protocol.ALL, null, RulePeer.of(securityGroupId("sg-admin")))),
                List.of());
    }

    static SecurityGroup vpcBDefault() {
        return new SecurityGroup(securityGroupId("vpc-b-default"), partitionId("vpc-b"), "default", List.of(),
                List.of(new Rule(Protocol.TCP, ports("0-1023"), RulePeer.of(cidr("10.1.0.0/16"))),
                        new Rule(Protocol.ALL, null, RulePeer.of(Ipv4Prefix.ANY))));
    }

    static ServicePlatform hostA() {
        return new ServicePlatform(platformId("host-a"), "zone-1", 4, List.of(
                new PhysicalNic(nicId("nic-a2"), mac("02:00:00:00:0a:02"), true),
                new PhysicalNic(nicId("nic-a1"), mac("02:00:00:00:0a:01"), false)));
    }

    static ServicePlatform hostB() {
        return new ServicePlatform(platformId("host-b"), "zone-2", 1,
                List.of(new PhysicalNic(nicId("nic-b1"), mac("02:00:00:00:0b:01"), true)));
    }

    static ResourceInstance vm(String id, Optional<String> platform, InstanceState state, Map<String, String> tags) {
        return new ResourceInstance(instanceId(id), ALICE, "t3.medium", "zone-1",
                platform.map(org.viflab.model.PlatformId::platformId), state, tags);
    }

    static InterfaceRecord vifWeb() {
        return new InterfaceRecord(interfaceId("vif-web"), "front end", partitionId("vpc-a"), "zone-1",
                subnetId("subnet-a1"), List.of(ipv4("10.0.1.20"), ipv4("10.0.1.9"), ipv4("10.0.1.30")),
                List.of(new PublicAddress(ipv4("203.0.113.9"), ipv4("10.0.1.20")),
                        new PublicAddress(ipv4("198.51.100.4"), ipv4("10.0.1.9"))),
                List.of(securityGroupId("sg-web"), securityGroupId("sg-admin")),
                Set.of(BOB), Set.of(BOB, CAROL), ALICE, false, BOB,
                Map.of("role", "web", "tier", "front", "empty", ""), OptionalInt.of(100), true, false);
    }

    static InterfaceRecord vifFirewall() {
        return new InterfaceRecord(interfaceId("vif-fw"), null, partitionId("vpc-a"), "zone-1",
                subnetId("subnet-a1"), List.of(ipv4("10.0.1.4")), List.of(), List.of(), Set.of(), Set.of(),
                Topology.OPERATOR, true, null, Map.of(), OptionalInt.empty(), false, true);
    }

    static InterfaceRecord vifB() {
        return new InterfaceRecord(interfaceId("vif-b"), "granted to alice", partitionId("vpc-b"), null,
                subnetId("subnet-b1"), List.of(ipv4("10.1.1.5")), List.of(),
                List.of(securityGroupId("vpc-b-default")), Set.of(ALICE), Set.of(), BOB, true, null, Map.of(),
                OptionalInt.of(0), false, false);
    }

    /** Every kind of object, with every optional field both set and unset somewhere. */
    static Topology.Builder rich(Topology.Builder b) {
        b.putPrincipal(ALICE).putPrincipal(BOB).putPrincipal(CAROL);
        b.putPartition(vpcA()).putPartition(vpcB());
        b.putSubnet(subnetA1()).putSubnet(subnetA2()).putSubnet(subnetB1());
        b.putSecurityGroup(sgWeb()).putSecurityGroup(sgAdmin()).putSecurityGroup(vpcBDefault());
        b.putPlatform(hostA()).putPlatform(hostB());
        b.putInstance(vm("vm-1", Optional.of("host-a"), InstanceState.RUNNING, Map.of("name", "web-1", "env", "lab")));
        b.putInstance(vm("vm-2", Optional.empty(), InstanceState.PENDING, Map.of()));
        b.putInstance(vm("vm-3", Optional.of("host-a"), InstanceState.STOPPED, Map.of("name", "web-2")));
        b.putInstance(new ResourceInstance(instanceId("vm-4"), BOB, "m9.future", "zone-2",
                Optional.of(platformId("host-b")), InstanceState.TERMINATED, Map.of()));
        b.putInterface(vifWeb()).putInterface(vifFirewall()).putInterface(vifB());
        b.putAttachment(new Attachment(attachmentId("att-1"), interfaceId("vif-web"), instanceId("vm-1"), ALICE, 0, true));
        b.putAttachment(new Attachment(attachmentId("att-2"), interfaceId("vif-web"), instanceId("vm-3"), BOB, 1, false));
        b.putAttachment(new Attachment(attachmentId("att-3"), interfaceId("vif-fw"), instanceId("vm-2"),
                Topology.OPERATOR, 1, false));
        b.putAttachment(new Attachment(attachmentId("att-4"), interfaceId("vif-b"), instanceId("vm-1"), ALICE, 2, true));
        return b.idSequence(17);
    }
}
