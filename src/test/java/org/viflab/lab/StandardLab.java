package org.viflab.lab;

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
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Submission;
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
 * alice's vpc-a 10.0.0.0/16 with an internet gateway, subnet web 10.0.1.0/24 routing 0.0.0.0/0 to
 * the internet, group sg-web (tcp 80 from anywhere), hosts host-a and host-b, running vm-1 (on
 * host-a) and vm-2 (on host-b), and the free record vif-web 10.0.1.10 with public 203.0.113.10.
 */
final class StandardLab {

    static final PrincipalId ALICE = principalId("alice");
    static final PrincipalId BOB = principalId("bob");

    private StandardLab() {
    }

    static void build(Lab lab) {
        ok(lab, new Request.CreatePrincipal(ALICE));
        ok(lab, new Request.CreatePrincipal(BOB));
        ok(lab, new Request.CreatePartition(Optional.of(partitionId("vpc-a")), Optional.of(ALICE),
                Ipv4Prefix.parse("10.0.0.0/16"), true, Optional.empty(), Optional.empty()));
        ok(lab, new Request.CreateSubnet(Optional.of(subnetId("web")), partitionId("vpc-a"), Ipv4Prefix.parse("10.0.1.0/24"),
                "zone-1", List.of(new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET))));
        ok(lab, new Request.CreateSecurityGroup(Optional.of(securityGroupId("sg-web")), partitionId("vpc-a"), "web",
                List.of(new Rule(Protocol.TCP, PortSet.parse("80"), RulePeer.of(Ipv4Prefix.ANY))), Optional.empty()));
        for (String host : List.of("a", "b")) {
            ok(lab, new Request.AddPlatform(platformId("host-" + host), "zone-1", 4, List.of(new Request.NicSpec(
                    NicId.nicId("nic-" + host + "1"), Optional.of(MacAddress.parse("02:00:00:00:0" + host + ":01")), true))));
        }
        for (int i = 1; i <= 2; i++) {
            ok(lab, new Request.Launch(Optional.of(instanceId("vm-" + i)), Optional.of(ALICE), "t3.medium", "zone-1",
                    Optional.of(platformId(i == 1 ? "host-a" : "host-b")), InstanceState.RUNNING,
                    List.of(InterfaceSpec.inSubnet(subnetId("web")).withId(interfaceId("vm-" + i + "-eth0"))
                            .withSecurityGroups(List.of(securityGroupId("sg-web")))), Map.of()));
        }
        ok(lab, new Request.CreateInterface(InterfaceSpec.inSubnet(subnetId("web")).withId(interfaceId("vif-web"))
                .withOwner(ALICE).withPrivateIps(List.of(Ipv4Address.parse("10.0.1.10")))
                .withPublicIps(List.of(Ipv4Address.parse("203.0.113.10")))
                .withSecurityGroups(List.of(securityGroupId("sg-web")))));
    }

    private static void ok(Lab lab, Request request) {
        Outcome outcome = lab.submit(new Submission(request, Topology.OPERATOR, false, Optional.empty())).outcome().orElseThrow();
        if (!outcome.isAccepted()) {
            throw new IllegalStateException(request.describe() + ": " + outcome);
        }
    }
}
