package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.function.Supplier;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.Outcome.Rejected;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.NicSpec;
import org.viflab.model.InstanceState;
import org.viflab.model.NicId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * A small lab most coordinator tests start from:
 * <pre>
 * alice: vpc-a 10.0.0.0/16 (internet gateway), subnets web 10.0.1.0/24 and db 10.0.2.0/24 in zone-1,
 *        far 10.0.3.0/24 in zone-2; group sg-web (tcp 80 from anywhere)
 * bob:   vpc-b 10.1.0.0/16, subnet b-web 10.1.1.0/24 in zone-1
 * platforms host-a, host-b (zone-1, capacity 4), host-c (zone-2)
 * vm-1 alice t3.medium running on host-a (vm-1-eth0 10.0.1.11 in web, sg-web)
 * vm-2 alice t3.micro running on host-b (vm-2-eth0 in web)
 * vm-3 alice t3.medium pending, not placed (vm-3-eth0 in web)
 * vm-b bob t3.medium running on host-b (vm-b-eth0 in b-web)
 * vif-web alice, free, 10.0.1.10 + public 203.0.113.10, sg-web
 * </pre>
 */
public final class Fixture {

    public static final PrincipalId ALICE = principalId("alice");
    public static final PrincipalId BOB = principalId("bob");
    public static final PrincipalId OPERATOR = Topology.OPERATOR;

    final Supplier<Repository> repositories;
    final Repository repository;
    final Coordinator coordinator;

    /** A lab on a fresh in-memory H2 database, as coordinator tests use. */
    Fixture() {
        this(org.viflab.store.H2Repository::inMemory);
    }

    Fixture(Supplier<Repository> repositories) {
        this.repositories = repositories;
        this.repository = repositories.get();
        this.coordinator = new Coordinator(repository);
    }

    static Fixture standard() {
        Fixture f = new Fixture();
        f.buildStandard();
        return f;
    }

    /** The requests that build the standard lab, in order. */
    public static List<Submission> standardRequests() {
        List<Submission> all = new java.util.ArrayList<>();
        all.add(Submission.as(OPERATOR, new CreatePrincipal(ALICE)));
        all.add(Submission.as(OPERATOR, new CreatePrincipal(BOB)));
        all.add(Submission.as(OPERATOR, new CreatePartition(Optional.of(partitionId("vpc-a")), Optional.of(ALICE), cidr("10.0.0.0/16"),
                true, Optional.empty(), Optional.empty())));
        all.add(Submission.as(OPERATOR, new CreatePartition(Optional.of(partitionId("vpc-b")), Optional.of(BOB), cidr("10.1.0.0/16"),
                false, Optional.of(cidr("192.168.0.0/16")), Optional.empty())));
        all.add(Submission.as(ALICE, new CreateSubnet(Optional.of(subnetId("web")), partitionId("vpc-a"), cidr("10.0.1.0/24"), "zone-1", List.of())));
        all.add(Submission.as(ALICE, new CreateSubnet(Optional.of(subnetId("db")), partitionId("vpc-a"), cidr("10.0.2.0/24"), "zone-1", List.of())));
        all.add(Submission.as(ALICE, new CreateSubnet(Optional.of(subnetId("far")), partitionId("vpc-a"), cidr("10.0.3.0/24"), "zone-2", List.of())));
        all.add(Submission.as(BOB, new CreateSubnet(Optional.of(subnetId("b-web")), partitionId("vpc-b"), cidr("10.1.1.0/24"), "zone-1", List.of())));
        all.add(Submission.as(ALICE, new CreateSecurityGroup(Optional.of(securityGroupId("sg-web")), partitionId("vpc-a"), "web",
                List.of(new Rule(Protocol.TCP, PortSet.parse("80"), RulePeer.of(Ipv4Prefix.ANY))), Optional.empty())));
        all.add(Submission.as(OPERATOR, platform("host-a", "zone-1", "nic-a1", "02:00:00:00:0a:01")));
        all.add(Submission.as(OPERATOR, platform("host-b", "zone-1", "nic-b1", "02:00:00:00:0b:01")));
        all.add(Submission.as(OPERATOR, platform("host-c", "zone-2", "nic-c1", "02:00:00:00:0c:01")));
        all.add(Submission.as(ALICE, launch("vm-1", ALICE, "t3.medium", "host-a", InstanceState.RUNNING,
                spec("vm-1-eth0", "web").withPrivateIps(List.of(ip("10.0.1.11")))
                        .withSecurityGroups(List.of(securityGroupId("sg-web"))))));
        all.add(Submission.as(ALICE, launch("vm-2", ALICE, "t3.micro", "host-b", InstanceState.RUNNING, spec("vm-2-eth0", "web"))));
        all.add(Submission.as(ALICE, launch("vm-3", ALICE, "t3.medium", null, InstanceState.PENDING, spec("vm-3-eth0", "web"))));
        all.add(Submission.as(BOB, launch("vm-b", BOB, "t3.medium", "host-b", InstanceState.RUNNING, spec("vm-b-eth0", "b-web"))));
        all.add(Submission.as(ALICE, new CreateInterface(spec("vif-web", "web").withPrivateIps(List.of(ip("10.0.1.10")))
                .withPublicIps(List.of(ip("203.0.113.10"))).withSecurityGroups(List.of(securityGroupId("sg-web")))
                .withDescription("web address"))));
        return all;
    }

    void buildStandard() {
        for (Submission s : standardRequests()) {
            ok(s.as(), s.request());
        }
    }

    static AddPlatform platform(String id, String zone, String nic, String mac) {
        return new AddPlatform(platformId(id), zone, 4,
                List.of(new NicSpec(NicId.nicId(nic), Optional.of(MacAddress.parse(mac)), true)));
    }

    static Launch launch(String id, PrincipalId owner, String type, String platform, InstanceState state,
                         InterfaceSpec... interfaces) {
        return new Launch(Optional.of(instanceId(id)), Optional.of(owner), type, "zone-1",
                Optional.ofNullable(platform).map(p -> platformId(p)), state, List.of(interfaces), Map.of());
    }

    static InterfaceSpec spec(String id, String subnet) {
        return InterfaceSpec.inSubnet(subnetId(subnet)).withId(interfaceId(id));
    }

    static Ipv4Prefix cidr(String text) {
        return Ipv4Prefix.parse(text);
    }

    static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    static OptionalInt device(int index) {
        return OptionalInt.of(index);
    }

    Outcome submit(PrincipalId as, Request request) {
        return coordinator.submit(Submission.as(as, request));
    }

    Accepted ok(PrincipalId as, Request request) {
        Outcome outcome = submit(as, request);
        assertThat(outcome).as(request.describe()).isInstanceOf(Accepted.class);
        return (Accepted) outcome;
    }

    Accepted ok(Request request) {
        return ok(OPERATOR, request);
    }

    /** Submits a request that must be rejected with {@code code}, and checks that nothing changed. */
    Rejected rejected(PrincipalId as, Request request, ErrorCode code) {
        Topology before = coordinator.snapshot();
        Topology stored = repository.load();
        int journal = repository.journal().size();
        Outcome outcome = submit(as, request);
        assertThat(outcome).as(request.describe()).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) outcome;
        assertThat(rejected.code()).as(rejected.message()).isEqualTo(code);
        assertThat(rejected.message()).isNotBlank();
        assertThat(coordinator.snapshot()).isEqualTo(before);
        assertThat(repository.load()).isEqualTo(stored);
        assertThat(repository.journal()).hasSize(journal);
        return rejected;
    }

    Rejected rejected(Request request, ErrorCode code) {
        return rejected(OPERATOR, request, code);
    }

    Topology topology() {
        return coordinator.snapshot();
    }

    Map<String, Object> fieldsOf(String interfaceId) {
        return coordinator.fields().of(topology().interfaces().get(interfaceId(interfaceId)));
    }
}
