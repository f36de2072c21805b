package org.viflab.reliability;

import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.PrincipalId.principalId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.viflab.coordinator.RandomRequests;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.DeletePartition;
import org.viflab.coordinator.Request.DeleteSecurityGroup;
import org.viflab.coordinator.Request.DeleteSubnet;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Direction;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Kind;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.ModifyAttachment;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.NicSpec;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Revoke;
import org.viflab.coordinator.Request.RevokePermission;
import org.viflab.coordinator.Request.SetNic;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.coordinator.Submission;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PartitionId;
import org.viflab.model.Permission;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * Random requests against the standard lab ({@code Fixture.standardRequests()}), many of them
 * wrong on purpose: every kind of request, with unknown ids, ids at their length limit or in other
 * scripts, addresses outside their subnet or reserved, prefixes from /0 to /32, device indexes,
 * counts, capacities and VLAN tags at and beyond their limits, up to 6 security groups (some twice),
 * unknown instance types, long and odd text, by principals that exist, do not exist, own the
 * objects or do not, with dry runs and reused client tokens.
 *
 * <p>Values themselves are well formed (the model refuses bad text when it is parsed, before any
 * request exists); what is hostile is their combination with the lab.
 */
public final class HostileRequests {

    static final PrincipalId OPERATOR = Topology.OPERATOR;
    static final PrincipalId ALICE = principalId("alice");
    static final PrincipalId BOB = principalId("bob");
    static final PrincipalId CAROL = principalId("carol");
    /** Never created: every request as mallory is refused. */
    static final PrincipalId MALLORY = principalId("mallory");

    private static final String LONG_ID = "x".repeat(128);
    private static final List<String> TEXTS = List.of("", "x", "web address", "ünïcödé — 日本語 🙂", "\u202Eevil",
            "'; DROP TABLE lab; --", "line\nbreak\ttab", "\u0000nul", "y".repeat(10_000));

    private HostileRequests() {
    }

    /**
     * A mix: half of {@link #hostile()}, half of the plainer {@code RandomRequests} (so that the lab
     * changes along the way), with alice granting bob rights now and then.
     */
    public static Arbitrary<Submission> submission() {
        Arbitrary<Submission> grant = Combinators.combine(Arbitraries.of("vif-web", "vm-1-eth0", "vif-0", "vif-1"),
                        Arbitraries.of(Permission.values()))
                .as((i, p) -> Submission.as(ALICE, new GrantPermission(interfaceId(i), BOB, p)));
        return Arbitraries.frequencyOf(Tuple.of(5, hostile()), Tuple.of(4, RandomRequests.submission()),
                Tuple.of(1, grant));
    }

    /** One hostile submission: mostly as alice or bob, sometimes as the operator, carol or mallory. */
    public static Arbitrary<Submission> hostile() {
        Arbitrary<PrincipalId> as = Arbitraries.frequency(
                Tuple.of(2, OPERATOR), Tuple.of(3, ALICE), Tuple.of(4, BOB),
                Tuple.of(1, CAROL), Tuple.of(1, MALLORY));
        Arbitrary<Optional<String>> token = Arbitraries.of("t-1", "t-2", "t-3").optional(0.1);
        Arbitrary<Boolean> dryRun = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false));
        return Combinators.combine(request(), as, dryRun, token).as(Submission::new);
    }

    /** Requests of every kind. */
    public static Arbitrary<Request> request() {
        return Arbitraries.oneOf(List.of(
                topology(), topology(), instances(), interfaces(), interfaces(), interfaces(), addresses(),
                rights(), describe()));
    }

    // ---- kinds of request -------------------------------------------------------------------

    private static Arbitrary<Request> topology() {
        return Arbitraries.oneOf(List.of(
                principal().map(CreatePrincipal::new),
                Combinators.combine(partition().optional(0.7), principal().optional(0.7), prefix(), bool(),
                                prefix().optional(0.3), group().optional(0.2))
                        .as(CreatePartition::new),
                partition().map(DeletePartition::new),
                Combinators.combine(newSubnet().optional(0.8), partition(), prefix(), zone(), route().list().ofMaxSize(3))
                        .as(CreateSubnet::new),
                subnet().map(DeleteSubnet::new),
                Combinators.combine(subnet(), prefix(), routeTarget().optional(0.8)).as(SetRoute::new),
                Combinators.combine(group().optional(0.8), partition(), text(), rule().list().ofMaxSize(3),
                        rule().list().ofMaxSize(2).optional(0.5)).as(CreateSecurityGroup::new),
                group().map(DeleteSecurityGroup::new),
                Combinators.combine(group(), Arbitraries.of(Direction.values()), rule()).as(Authorize::new),
                Combinators.combine(group(), Arbitraries.of(Direction.values()), rule()).as(Revoke::new),
                Combinators.combine(platform(), zone(), Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 4,
                        Integer.MAX_VALUE), nic().list().ofMaxSize(3)).as(AddPlatform::new),
                Combinators.combine(nicId(), bool()).as((n, up) -> new SetNic(n, up))));
    }

    private static Arbitrary<Request> instances() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(newInstance().optional(0.8), principal().optional(0.6), instanceType(), zone(),
                                platform().optional(0.5), Arbitraries.of(InstanceState.values()),
                                spec().list().ofMaxSize(4), tags())
                        .as(Launch::new),
                Combinators.combine(instance(), platform().optional(0.5)).as(Place::new),
                instance().map(Start::new),
                instance().map(Stop::new),
                instance().map(Terminate::new),
                Combinators.combine(instance(), platform().optional(0.8)).as(Move::new)));
    }

    private static Arbitrary<Request> interfaces() {
        Arbitrary<OptionalInt> device = Arbitraries.of(OptionalInt.empty(), OptionalInt.of(-1), OptionalInt.of(0),
                OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(7), OptionalInt.of(14), OptionalInt.of(15),
                OptionalInt.of(16), OptionalInt.of(Integer.MAX_VALUE), OptionalInt.of(Integer.MIN_VALUE));
        return Arbitraries.oneOf(List.of(
                spec().map(CreateInterface::new),
                iface().map(DeleteInterface::new),
                Combinators.combine(iface(), instance(), device, bool(), attachment().optional(0.3)).as(Attach::new),
                Combinators.combine(iface(), bool()).as((i, force) -> force ? Detach.interfaceOf(i).forced()
                        : Detach.interfaceOf(i)),
                Combinators.combine(attachment(), bool()).as((a, force) -> force ? Detach.attachment(a).forced()
                        : Detach.attachment(a)),
                instance().map(Detach::allFrom),
                Combinators.combine(iface(), text().optional(0.5), group().list().ofMaxSize(6).optional(0.5),
                        bool().optional(0.3), bool().optional(0.3)).as(ModifyInterface::new),
                Combinators.combine(attachment(), bool()).as(ModifyAttachment::new)));
    }

    private static Arbitrary<Request> addresses() {
        Arbitrary<Integer> count = Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 2, 5, 29, 30, 49, 50, 1000,
                Integer.MAX_VALUE);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(iface(), address().list().ofMaxSize(4), count, bool()).as(AssignIps::new),
                Combinators.combine(iface(), address().list().ofMaxSize(3)).as(UnassignIps::new),
                Combinators.combine(iface(), publicAddress(), address().optional(0.4), bool())
                        .as(AssociatePublicIp::new),
                Combinators.combine(iface(), publicAddress()).as(DisassociatePublicIp::new)));
    }

    private static Arbitrary<Request> rights() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(iface(), principal(), Arbitraries.of(Permission.values())).as(GrantPermission::new),
                Combinators.combine(iface(), principal(), Arbitraries.of(Permission.values())).as(RevokePermission::new)));
    }

    private static Arbitrary<Request> describe() {
        Arbitrary<String> filterName = Arbitraries.of("network-interface-id", "subnet-id", "vpc-id", "group-id",
                "private-ip-address", "attachment.instance-id", "status", "instance-state-name", "owner-id",
                "tag:role", "tag-key", "cidr-block", "bogus", "", "tag:");
        Arbitrary<Map<String, List<String>>> filters = Arbitraries.maps(filterName,
                Arbitraries.of("vif-web", "vm-1", "web", "vpc-a", "10.0.1.10", "in-use", "running", "alice", "",
                        "🙂").list().ofMaxSize(3)).ofMaxSize(3);
        Arbitrary<String> id = Arbitraries.of("vif-web", "vm-1", "web", "vpc-a", "sg-web", "host-a", "nope", "",
                LONG_ID);
        return Combinators.combine(Arbitraries.of(Kind.values()), id.list().ofMaxSize(3), filters).as(Describe::new);
    }

    // ---- parts ------------------------------------------------------------------------------

    private static Arbitrary<InterfaceSpec> spec() {
        Arbitrary<OptionalInt> vlan = Arbitraries.of(OptionalInt.empty(), OptionalInt.of(Integer.MIN_VALUE),
                OptionalInt.of(-1), OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(4094), OptionalInt.of(4095),
                OptionalInt.of(4096), OptionalInt.of(Integer.MAX_VALUE));
        Arbitrary<InterfaceSpec> base = Combinators.combine(newIface().optional(0.8), principal().optional(0.3), text(),
                subnet(), address().list().ofMaxSize(4), publicAddress().list().ofMaxSize(2),
                group().list().ofMaxSize(6), vlan).as((id, owner, description, subnet, ips, publics, groups, v) ->
                new InterfaceSpec(id, owner, description, subnet, ips, publics, groups, List.of(), List.of(), true,
                        false, false, Map.of(), v, true));
        return Combinators.combine(base, principal().list().ofMaxSize(2), principal().list().ofMaxSize(2), bool(),
                        bool(), Arbitraries.of(false, false, false, true), tags(), bool())
                .as((spec, attachers, setters, sourceDest, multi, managed, tags, deleteOnTermination) -> spec
                        .withAccess(attachers, setters).withFlags(sourceDest, multi, managed).withTags(tags)
                        .withDeleteOnTermination(deleteOnTermination));
    }

    private static Arbitrary<Rule> rule() {
        Arbitrary<PortSet> ports = Arbitraries.of("0", "80", "0-65535", "65535", "22,80,443", "1024-2048")
                .map(PortSet::parse).injectNull(0.3);
        Arbitrary<RulePeer> peer = Arbitraries.oneOf(List.of(prefix().map(RulePeer::of), group().map(RulePeer::of)));
        return Combinators.combine(Arbitraries.of(Protocol.values()), ports, peer).as(Rule::new);
    }

    private static Arbitrary<Route> route() {
        return Combinators.combine(prefix(), routeTarget()).as(Route::new);
    }

    private static Arbitrary<RouteTarget> routeTarget() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(RouteTarget.LOCAL, RouteTarget.INTERNET, RouteTarget.VPN, RouteTarget.BLACKHOLE),
                iface().map(RouteTarget::appliance)));
    }

    private static Arbitrary<NicSpec> nic() {
        Arbitrary<Optional<MacAddress>> mac = Arbitraries.of("02:00:00:00:0a:01", "02:00:00:00:0d:01",
                "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00").map(MacAddress::parse).optional(0.7);
        return Combinators.combine(nicId(), mac, bool()).as(NicSpec::new);
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Arbitraries.maps(Arbitraries.of("role", "env", "", "🙂", "k".repeat(300)), text()).ofMaxSize(3);
    }

    private static Arbitrary<Boolean> bool() {
        return Arbitraries.of(true, false);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.of(TEXTS);
    }

    private static Arbitrary<String> zone() {
        return Arbitraries.of("zone-1", "zone-1", "zone-2", "zone-9", "", "ゾーン", "z".repeat(5_000));
    }

    private static Arbitrary<String> instanceType() {
        return Arbitraries.of("t3.micro", "t3.medium", "m5.24xlarge", "sim.small", "sim.large", "m9.future", "",
                "t3.micro ", "🙂");
    }

    // ---- names and addresses ------------------------------------------------------------------

    static Arbitrary<PrincipalId> principal() {
        return Arbitraries.of(OPERATOR, ALICE, BOB, CAROL, MALLORY);
    }

    static Arbitrary<InterfaceId> iface() {
        return Arbitraries.of("vif-web", "vif-web", "vm-1-eth0", "vm-2-eth0", "vm-3-eth0", "vm-b-eth0", "vif-0",
                "vif-1", "vif-2", "nope", "vïf-ü-🙂", LONG_ID).map(id -> interfaceId(id));
    }

    private static Arbitrary<InterfaceId> newIface() {
        return Arbitraries.of("vif-0", "vif-1", "vif-2", "vif-web", LONG_ID, "vïf-ü-🙂").map(id -> interfaceId(id));
    }

    static Arbitrary<InstanceId> instance() {
        return Arbitraries.of("vm-1", "vm-2", "vm-3", "vm-b", "vm-5", "vm-6", "nope", "i-" + LONG_ID.substring(2))
                .map(id -> instanceId(id));
    }

    private static Arbitrary<InstanceId> newInstance() {
        return Arbitraries.of("vm-5", "vm-6", "vm-1", "i-" + LONG_ID.substring(2)).map(id -> instanceId(id));
    }

    private static Arbitrary<SubnetId> subnet() {
        return Arbitraries.of("web", "web", "db", "far", "b-web", "sub-new", "nope").map(id -> subnetId(id));
    }

    private static Arbitrary<SubnetId> newSubnet() {
        return Arbitraries.of("sub-new", "web", "sub-" + LONG_ID.substring(4)).map(id -> subnetId(id));
    }

    private static Arbitrary<PartitionId> partition() {
        return Arbitraries.of("vpc-a", "vpc-b", "vpc-new", "nope").map(id -> partitionId(id));
    }

    private static Arbitrary<SecurityGroupId> group() {
        return Arbitraries.of("sg-web", "sg-web", "vpc-a-default", "vpc-b-default", "sg-new", "nope")
                .map(id -> securityGroupId(id));
    }

    private static Arbitrary<PlatformId> platform() {
        return Arbitraries.of("host-a", "host-b", "host-c", "host-new", "nope").map(id -> platformId(id));
    }

    private static Arbitrary<NicId> nicId() {
        return Arbitraries.of("nic-a1", "nic-b1", "nic-c1", "nic-new", "nope").map(NicId::nicId);
    }

    static Arbitrary<AttachmentId> attachment() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 40).map(n -> attachmentId(String.format("attach-%08x", n))),
                Arbitraries.of("att-x", "nope", LONG_ID).map(id -> attachmentId(id))));
    }

    /** Addresses inside the standard subnets (reserved ones too), in other subnets, and odd ones. */
    static Arbitrary<Ipv4Address> address() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(0, 1, 2, 3, 4, 5, 10, 11, 12, 20, 200, 254, 255).map(n -> Ipv4Address.parse("10.0.1." + n)),
                Arbitraries.of("10.0.2.20", "10.0.2.255", "10.0.3.20", "10.1.1.20", "10.1.1.3", "0.0.0.0",
                        "255.255.255.255", "192.168.1.1", "203.0.113.10", "127.0.0.1").map(Ipv4Address::parse)));
    }

    private static Arbitrary<Ipv4Address> publicAddress() {
        return Arbitraries.of("203.0.113.10", "203.0.113.11", "203.0.113.12", "10.0.1.10", "0.0.0.0",
                "255.255.255.255", "224.0.0.1").map(Ipv4Address::parse);
    }

    /** Prefixes of every length from /0 to /32 around the standard lab's ranges. */
    static Arbitrary<Ipv4Prefix> prefix() {
        return Combinators.combine(Arbitraries.of("10.0.0.0", "10.0.1.0", "10.0.4.0", "10.0.1.128", "10.1.0.0",
                        "10.2.0.0", "0.0.0.0", "192.168.0.0", "255.255.255.255"),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 32)),
                        Tuple.of(2, Arbitraries.of(0, 8, 15, 16, 24, 28, 29, 32))))
                .as((base, length) -> new Ipv4Prefix(Ipv4Address.parse(base), length));
    }
}
