package org.viflab.ui;

import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.PrincipalId.principalId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceState;
import org.viflab.model.NicId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * The demo lab offered on first start, built through coordinator requests like any lab:
 *
 * <ul>
 *   <li>alice's {@code vpc-a} 10.0.0.0/16 with an internet gateway: subnet {@code web} 10.0.1.0/24
 *       (default route to the internet) and {@code app} 10.0.2.0/24, groups {@code sg-web} (tcp 80,
 *       443 from anywhere) and {@code sg-app} (tcp 8080 from sg-web);</li>
 *   <li>bob's {@code vpc-b} 10.1.0.0/16 with a VPN to the on-premises 192.168.0.0/16, subnet
 *       {@code office} 10.1.1.0/24 and group {@code sg-office} (ssh from on premises);</li>
 *   <li>hosts {@code host-a} (two NICs) and {@code host-b} in zone-1, {@code host-c} in zone-2;</li>
 *   <li>running {@code vm-1} and {@code vm-2} (t3.medium, web), {@code vm-3} (t3.micro, app, with
 *       {@code vif-app} attached: at its limit of two), {@code vm-4} pending and not placed,
 *       {@code vm-5} in vpc-b;</li>
 *   <li>free records {@code vif-web} 10.0.1.10 (public 203.0.113.10) and {@code vif-spare};</li>
 *   <li>watched flows {@code web} (internet → 203.0.113.10 tcp 80) and {@code office-ssh}
 *       (on premises → vm-5 tcp 22).</li>
 * </ul>
 */
public final class DemoLab {

    public static final PrincipalId ALICE = principalId("alice");
    public static final PrincipalId BOB = principalId("bob");

    private DemoLab() {
    }

    /** The requests that build the demo, in order, as the operator. */
    public static List<Request> requests() {
        List<Request> r = new ArrayList<>();
        r.add(new Request.CreatePrincipal(ALICE));
        r.add(new Request.CreatePrincipal(BOB));
        r.add(new Request.CreatePartition(Optional.of(partitionId("vpc-a")), Optional.of(ALICE),
                Ipv4Prefix.parse("10.0.0.0/16"), true, Optional.empty(), Optional.empty()));
        r.add(new Request.CreatePartition(Optional.of(partitionId("vpc-b")), Optional.of(BOB),
                Ipv4Prefix.parse("10.1.0.0/16"), false, Optional.of(Ipv4Prefix.parse("192.168.0.0/16")), Optional.empty()));
        r.add(new Request.CreateSubnet(Optional.of(subnetId("web")), partitionId("vpc-a"),
                Ipv4Prefix.parse("10.0.1.0/24"), "zone-1", List.of(new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET))));
        r.add(new Request.CreateSubnet(Optional.of(subnetId("app")), partitionId("vpc-a"),
                Ipv4Prefix.parse("10.0.2.0/24"), "zone-1", List.of()));
        r.add(new Request.CreateSubnet(Optional.of(subnetId("office")), partitionId("vpc-b"),
                Ipv4Prefix.parse("10.1.1.0/24"), "zone-2",
                List.of(new Route(Ipv4Prefix.parse("192.168.0.0/16"), RouteTarget.VPN))));
        r.add(new Request.CreateSecurityGroup(Optional.of(securityGroupId("sg-web")), partitionId("vpc-a"), "web",
                List.of(new Rule(Protocol.TCP, PortSet.parse("80,443"), RulePeer.of(Ipv4Prefix.ANY))), Optional.empty()));
        r.add(new Request.CreateSecurityGroup(Optional.of(securityGroupId("sg-app")), partitionId("vpc-a"), "app",
                List.of(new Rule(Protocol.TCP, PortSet.parse("8080"), RulePeer.of(securityGroupId("sg-web")))),
                Optional.empty()));
        r.add(new Request.CreateSecurityGroup(Optional.of(securityGroupId("sg-office")), partitionId("vpc-b"), "office",
                List.of(new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(Ipv4Prefix.parse("192.168.0.0/16")))),
                Optional.empty()));
        r.add(platform("host-a", "zone-1", "nic-a1", "02:00:00:00:0a:01", "nic-a2", "02:00:00:00:0a:02"));
        r.add(platform("host-b", "zone-1", "nic-b1", "02:00:00:00:0b:01"));
        r.add(platform("host-c", "zone-2", "nic-c1", "02:00:00:00:0c:01"));
        r.add(launch("vm-1", ALICE, "t3.medium", "zone-1", "host-a", "web", "sg-web"));
        r.add(launch("vm-2", ALICE, "t3.medium", "zone-1", "host-b", "web", "sg-web"));
        r.add(launch("vm-3", ALICE, "t3.micro", "zone-1", "host-a", "app", "sg-app"));
        r.add(launch("vm-4", ALICE, "t3.medium", "zone-1", null, "app", "sg-app"));
        r.add(launch("vm-5", BOB, "t3.medium", "zone-2", "host-c", "office", "sg-office"));
        r.add(new Request.CreateInterface(InterfaceSpec.inSubnet(subnetId("web")).withId(interfaceId("vif-web"))
                .withOwner(ALICE).withDescription("web address").withPrivateIps(List.of(Ipv4Address.parse("10.0.1.10")))
                .withPublicIps(List.of(Ipv4Address.parse("203.0.113.10")))
                .withSecurityGroups(List.of(securityGroupId("sg-web"))).withDeleteOnTermination(false)));
        r.add(new Request.CreateInterface(InterfaceSpec.inSubnet(subnetId("app")).withId(interfaceId("vif-app"))
                .withOwner(ALICE).withDescription("app service address")
                .withSecurityGroups(List.of(securityGroupId("sg-app"))).withDeleteOnTermination(false)));
        r.add(new Request.CreateInterface(InterfaceSpec.inSubnet(subnetId("app")).withId(interfaceId("vif-spare"))
                .withOwner(ALICE).withDescription("spare")
                .withSecurityGroups(List.of(securityGroupId("sg-app"))).withDeleteOnTermination(false)));
        r.add(Request.Attach.attach(interfaceId("vif-app"), instanceId("vm-3"), 1));
        return r;
    }

    /** The demo's watched flows, by name. */
    public static Map<String, Flow> watches() {
        return Map.of("web", Flow.of("internet", "203.0.113.10", Protocol.TCP, 80),
                "office-ssh", Flow.of("vpn:vpc-b", "vm-5", Protocol.TCP, 22));
    }

    /** Builds the demo into {@code lab} (as the operator, one transaction, not an undo step) and pins its flows. */
    public static void build(Lab lab) {
        List<Submission> submissions = requests().stream()
                .map(r -> new Submission(r, Topology.OPERATOR, false, Optional.empty())).toList();
        List<Outcome> outcomes = lab.submitBatch(submissions);
        Outcome last = outcomes.get(outcomes.size() - 1);
        if (!last.isAccepted()) {
            throw new IllegalStateException("the demo lab could not be built: " + last.submission().request().describe()
                    + ": " + last);
        }
        lab.watch("web", watches().get("web"));
        lab.watch("office-ssh", watches().get("office-ssh"));
    }

    private static Request platform(String id, String zone, String... nicsAndMacs) {
        List<Request.NicSpec> nics = new ArrayList<>();
        for (int i = 0; i < nicsAndMacs.length; i += 2) {
            nics.add(new Request.NicSpec(NicId.nicId(nicsAndMacs[i]), Optional.of(MacAddress.parse(nicsAndMacs[i + 1])),
                    true));
        }
        return new Request.AddPlatform(platformId(id), zone, 4, nics);
    }

    private static Request launch(String id, PrincipalId owner, String type, String zone, String platform,
                                  String subnet, String group) {
        return new Request.Launch(Optional.of(instanceId(id)), Optional.of(owner), type, zone,
                Optional.ofNullable(platform).map(p -> platformId(p)),
                platform == null ? InstanceState.PENDING : InstanceState.RUNNING,
                List.of(InterfaceSpec.inSubnet(subnetId(subnet)).withId(interfaceId(id + "-eth0"))
                        .withSecurityGroups(List.of(securityGroupId(group)))), Map.of());
    }
}
