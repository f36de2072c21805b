package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.coordinator.Fixture.BOB;
import static org.viflab.coordinator.Fixture.OPERATOR;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Permission;
import org.viflab.model.PrincipalId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/** Random requests against the names of {@link Fixture#standardRequests()}: valid and invalid, by several principals. */
public final class RandomRequests {

    private static final List<String> INTERFACES = List.of("vif-web", "vif-0", "vif-1", "vif-2", "vm-1-eth0", "vm-2-eth0", "nope");
    private static final List<String> INSTANCES = List.of("vm-1", "vm-2", "vm-3", "vm-b", "nope");
    private static final List<String> SUBNETS = List.of("web", "db", "far", "b-web");
    private static final List<PrincipalId> PRINCIPALS = List.of(OPERATOR, ALICE, ALICE, BOB);

    private RandomRequests() {
    }

    /** Random submissions, valid and invalid, by the operator, alice and bob. */
    public static Arbitrary<List<Submission>> submissions() {
        return submission().list();
    }

    /** One random submission against the standard lab's names. */
    public static Arbitrary<Submission> submission() {
        Arbitrary<PrincipalId> as = Arbitraries.of(PRINCIPALS);
        Arbitrary<Request> request = Arbitraries.oneOf(
                Combinators.combine(iface(), instance(), Arbitraries.integers().between(-1, 3))
                        .as((i, v, d) -> new Attach(interfaceId(i), instanceId(v), d < 0 ? OptionalInt.empty() : OptionalInt.of(d),
                                false, Optional.empty())),
                iface().map(i -> Detach.interfaceOf(interfaceId(i))),
                Arbitraries.strings().numeric().ofLength(1).map(n -> Detach.attachment(attachmentId("attach-0000000" + n))),
                instance().map(v -> Detach.allFrom(instanceId(v))),
                Combinators.combine(Arbitraries.of("vif-0", "vif-1", "vif-2"), Arbitraries.of(SUBNETS), address())
                        .as((i, s, ip) -> new CreateInterface(Fixture.spec(i, s).withPrivateIps(ip == null ? List.of() : List.of(ip)))),
                iface().map(i -> new DeleteInterface(interfaceId(i))),
                Combinators.combine(iface(), Arbitraries.integers().between(0, 3))
                        .as((i, n) -> new AssignIps(interfaceId(i), List.of(), n, false)),
                Combinators.combine(iface(), address(), Arbitraries.of(true, false))
                        .as((i, ip, re) -> new AssignIps(interfaceId(i), ip == null ? List.of() : List.of(ip), 0, re)),
                Combinators.combine(iface(), address()).as((i, ip) -> new UnassignIps(interfaceId(i), ip == null ? List.of() : List.of(ip))),
                Combinators.combine(iface(), Arbitraries.of("203.0.113.10", "203.0.113.11"), Arbitraries.of(true, false))
                        .as((i, p, re) -> new AssociatePublicIp(interfaceId(i), Ipv4Address.parse(p), Optional.empty(), re)),
                Combinators.combine(iface(), Arbitraries.of("203.0.113.10", "203.0.113.11"))
                        .as((i, p) -> new DisassociatePublicIp(interfaceId(i), Ipv4Address.parse(p))),
                Combinators.combine(iface(), Arbitraries.of(true, false), Arbitraries.of("sg-web", "vpc-a-default", "vpc-b-default"))
                        .as((i, m, g) -> new ModifyInterface(interfaceId(i), Optional.empty(),
                                Optional.of(List.of(securityGroupId(g))), Optional.empty(), Optional.of(m))),
                Combinators.combine(iface(), Arbitraries.of(PRINCIPALS), Arbitraries.of(Permission.values()))
                        .as((i, p, perm) -> new GrantPermission(interfaceId(i), p, perm)),
                instance().map(v -> new Start(instanceId(v))),
                instance().map(v -> new Stop(instanceId(v))),
                instance().map(v -> new Terminate(instanceId(v))),
                Combinators.combine(instance(), Arbitraries.of("host-a", "host-b", "host-c"))
                        .as((v, p) -> new Move(instanceId(v), Optional.of(platformId(p)))),
                instance().map(v -> new Place(instanceId(v), Optional.empty())),
                Combinators.combine(Arbitraries.of("vm-5", "vm-6"), Arbitraries.of("t3.micro", "sim.small"), Arbitraries.of(SUBNETS),
                        Arbitraries.of(InstanceState.PENDING, InstanceState.RUNNING))
                        .as((v, type, s, state) -> Fixture.launch(v, ALICE, type, null, state, Fixture.spec(v + "-eth0", s))));
        return Combinators.combine(as, request).as(Submission::as);
    }

    private static Arbitrary<String> iface() {
        return Arbitraries.of(INTERFACES);
    }

    private static Arbitrary<String> instance() {
        return Arbitraries.of(INSTANCES);
    }

    private static Arbitrary<Ipv4Address> address() {
        return Arbitraries.of("10.0.1.1", "10.0.1.10", "10.0.1.11", "10.0.1.20", "10.0.1.21", "10.0.2.20", "10.1.1.20")
                .map(Ipv4Address::parse).injectNull(0.2);
    }
}
