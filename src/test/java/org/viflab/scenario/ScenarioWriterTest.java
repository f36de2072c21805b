package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
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
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

class ScenarioWriterTest {

    private static Scenario resource(String name) {
        return ScenarioReader.read(Resources.path("scenario/" + name));
    }

    @Test
    void specExampleRoundTripsThroughYamlAndJson() {
        Scenario s = resource("move-interface.yaml");
        assertThat(ScenarioReader.parse("again.yaml", ScenarioWriter.write(s))).isEqualTo(s);
        assertThat(ScenarioReader.parse("again.json", ScenarioWriter.writeJson(s))).isEqualTo(s);
    }

    @Test
    void everyRequestAndExpectationRoundTrips() {
        Scenario s = resource("every-request.yaml");
        Scenario again = ScenarioReader.parse("again.yaml", ScenarioWriter.write(s));
        assertThat(again.topology()).isEqualTo(s.topology());
        assertThat(again.watch()).isEqualTo(s.watch());
        for (int i = 0; i < s.steps().size(); i++) {
            assertThat(again.steps().get(i)).as("step %d", i + 1).isEqualTo(s.steps().get(i));
        }
        assertThat(again).isEqualTo(s);
        assertThat(ScenarioReader.parse("again.json", ScenarioWriter.writeJson(s))).isEqualTo(s);
    }

    @Test
    void writingIsStable() {
        Scenario s = resource("every-request.yaml");
        String once = ScenarioWriter.write(s);
        assertThat(ScenarioWriter.write(ScenarioReader.parse("again.yaml", once))).isEqualTo(once);
    }

    @Test
    void keysKeepTheOrderOfTheSpecExample() {
        String yaml = ScenarioWriter.write(resource("every-request.yaml"));
        assertThat(topLevelKeys(yaml)).containsExactly("scenario", "description", "principals", "options", "topology",
                "watch", "steps");
        assertThat(yaml).containsSubsequence("  partitions:", "  subnets:", "  securityGroups:", "  platforms:",
                "  instances:", "  interfaces:");
        assertThat(yaml).containsSubsequence("  - narration: Deleting what was made.", "    deleteInterface:",
                "    expect:");
        assertThat(yaml).containsSubsequence("    as: bob", "    clientToken: make-vpc-d");
        assertThat(yaml).containsSubsequence("    - id: vif-web", "      owner: alice", "      description: web address",
                "      subnet: web", "      privateIps:", "      publicIps:", "      securityGroups:", "      attachers:",
                "      ipSetters:", "      multiAttach: true", "      tags:", "      vlan: 100");
    }

    private static List<String> topLevelKeys(String yaml) {
        return yaml.lines().filter(l -> !l.isEmpty() && Character.isLetter(l.charAt(0)))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    @Test
    void defaultsAreLeftOut() {
        String yaml = ScenarioWriter.write(resource("move-interface.yaml"));
        assertThat(yaml).doesNotContain("options:").doesNotContain("sourceDestCheck").doesNotContain("capacity: 16")
                .doesNotContain("deleteOnTermination").doesNotContain("as: operator").doesNotContain("vpc-a-default");
    }

    @Test
    void textThatLooksLikeAnotherTypeStaysText() {
        List<String> tricky = List.of("1", "1.5", "0x1F", "1_000", "1e3", "-1", ".5", ".inf", "yes", "no", "on", "off",
                "true", "null", "~", "", " leading space", "a: b", "#hash", "- dash", "02:00:00:00:00:01", "10.0.1.1",
                "@at", "`tick", "%pct", "!bang", "&amp", "*star", "[x]", "{x}", "line\nbreak", "quote\"s", "it's",
                "tab\there", "ünïcödé");
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            tags.put("k" + i, tricky.get(i));
        }
        Request.Launch launch = new Request.Launch(Optional.of(instanceId("vm-1")), Optional.empty(), "t3.micro",
                "zone-1", Optional.empty(), InstanceState.PENDING,
                List.of(Request.InterfaceSpec.inSubnet(subnetId("web"))), tags);
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            steps.add(new Step(i + 1, 0, Optional.of(tricky.get(i)), new Step.Submit(Submission.of(launch)),
                    Expectations.NONE));
        }
        Scenario s = new Scenario("Tricky: text", Optional.of("# heading\n\n* one\n* two\n"), List.of(),
                Propagation.INSTANT, ScenarioTopology.EMPTY, Map.of(), steps);
        assertThat(ScenarioReader.parse("tricky.yaml", ScenarioWriter.write(s))).isEqualTo(s);
        assertThat(ScenarioReader.parse("tricky.json", ScenarioWriter.writeJson(s))).isEqualTo(s);
    }

    @Test
    void valuesBuiltInCodeEqualTheSameValuesReadBack() {
        Expectations expect = new Expectations(Optional.empty(), Optional.empty(),
                Map.of("web", Set.of(instanceId("nowhere"))), Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("vif-web", Map.of("counters", Map.of("packetsIn", 3), "ratio", 0.5f)), Optional.of(List.of(
                        "  hypervisor@host-a   plug ")), Optional.empty(), Map.of());
        Step malformed = new Step(1, 0, Optional.empty(), new Step.Malformed("attach",
                Map.of("interface", "vif web", "deviceIndex", 1), principalId("alice"), false, Optional.empty(),
                org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE,
                "attach.interface: interface id 'vif web' contains whitespace, a comma or a bracket"), expect);
        Scenario base = resource("move-interface.yaml");
        Scenario s = new Scenario("Built in code", Optional.empty(), base.principals(), Propagation.INSTANT,
                base.topology(), base.watch(), List.of(malformed));
        assertThat(expect.configOps()).contains(List.of("hypervisor@host-a plug"));
        assertThat(expect.fields().get("vif-web")).containsEntry("counters", Map.of("packetsIn", 3L))
                .containsEntry("ratio", 0.5d);
        assertThat(ScenarioReader.parse("code.yaml", ScenarioWriter.write(s))).isEqualTo(s);
    }

    @Test
    void writesByFileExtension(@TempDir Path dir) {
        Scenario s = resource("move-interface.yaml");
        ScenarioWriter.write(s, dir.resolve("lab.json"));
        ScenarioWriter.write(s, dir.resolve("lab.yaml"));
        assertThat(ScenarioReader.read(dir.resolve("lab.json"))).isEqualTo(s);
        assertThat(ScenarioReader.read(dir.resolve("lab.yaml"))).isEqualTo(s);
    }

    @Test
    void stepLinesAreNotPartOfAStepsValue() {
        Step a = resource("move-interface.yaml").step(1);
        assertThat(a.withIndex(1, 999)).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.withIndex(2, a.line())).isNotEqualTo(a);
    }

    // ---- saving a lab ----------------------------------------------------------------------------

    /**
     * A lab with a default group left as created, one redefined, a forward group reference, a route
     * via an appliance, a multi-attach record on two instances, a secondary public address, a NIC
     * down and a terminated instance.
     */
    static Topology lab() {
        var alice = principalId("alice");
        var bob = principalId("bob");
        var vpcA = partitionId("vpc-a");
        var vpcB = partitionId("vpc-b");
        Topology.Builder b = Topology.empty().toBuilder().putPrincipal(alice).putPrincipal(bob);
        b.putPartition(new Partition(vpcA, alice, cidr("10.0.0.0/16"), true, Optional.empty(), Partition.defaultGroupOf(vpcA)));
        b.putPartition(new Partition(vpcB, bob, cidr("10.1.0.0/16"), false, Optional.of(cidr("192.168.0.0/16")),
                securityGroupId("sg-0b")));
        b.putSecurityGroup(new SecurityGroup(securityGroupId("vpc-a-default"), vpcA, "default group of vpc-a",
                List.of(new Rule(Protocol.ALL, null, RulePeer.of(securityGroupId("vpc-a-default")))),
                SecurityGroup.allowAllEgress()));
        b.putSecurityGroup(new SecurityGroup(securityGroupId("sg-0b"), vpcB, "default group of vpc-b",
                List.of(new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr("192.168.0.0/16")))), List.of()));
        b.putSecurityGroup(new SecurityGroup(securityGroupId("sg-app"), vpcA, "app",
                List.of(new Rule(Protocol.TCP, PortSet.parse("8080"), RulePeer.of(securityGroupId("sg-web")))),
                SecurityGroup.allowAllEgress()));
        b.putSecurityGroup(new SecurityGroup(securityGroupId("sg-web"), vpcA, "",
                List.of(new Rule(Protocol.TCP, PortSet.parse("80,443"), RulePeer.of(cidr("0.0.0.0/1")))),
                List.of(new Rule(Protocol.UDP, PortSet.parse("53"), RulePeer.of(cidr("10.0.0.2/32"))))));
        b.putSubnet(new Subnet(subnetId("web"), vpcA, cidr("10.0.1.0/24"), "zone-1",
                List.of(new Route(cidr("172.16.0.0/12"), RouteTarget.appliance(interfaceId("vm-1-eth0"))))));
        b.putSubnet(new Subnet(subnetId("branch"), vpcB, cidr("10.1.1.0/24"), "zone-1", List.of()));
        b.putPlatform(new ServicePlatform(platformId("host-a"), "zone-1", 4, List.of(
                new PhysicalNic(nicId("nic-a1"), MacAddress.parse("02:00:00:00:0a:01"), true),
                new PhysicalNic(nicId("nic-a2"), MacAddress.parse("02:00:00:00:0a:02"), false))));
        b.putPlatform(new ServicePlatform(platformId("host-b"), "zone-1", 16, List.of(
                new PhysicalNic(nicId("nic-b1"), MacAddress.parse("02:00:00:00:0b:01"), true))));
        b.putInstance(new ResourceInstance(instanceId("vm-1"), alice, "t3.medium", "zone-1",
                Optional.of(platformId("host-a")), InstanceState.RUNNING, Map.of("role", "web")));
        b.putInstance(new ResourceInstance(instanceId("vm-2"), alice, "m5.large", "zone-1",
                Optional.of(platformId("host-b")), InstanceState.STOPPED, Map.of()));
        b.putInstance(new ResourceInstance(instanceId("vm-old"), alice, "t3.micro", "zone-1",
                Optional.empty(), InstanceState.TERMINATED, Map.of()));
        b.putInstance(new ResourceInstance(instanceId("vm-b"), bob, "sim.small", "zone-1",
                Optional.empty(), InstanceState.PENDING, Map.of()));
        b.putInterface(record("vm-1-eth0", vpcA, "web", alice, List.of("10.0.1.11"), List.of(), List.of("sg-web")));
        b.putInterface(record("vm-2-eth0", vpcA, "web", alice, List.of("10.0.1.12"), List.of(), List.of("vpc-a-default")));
        b.putInterface(record("vm-b-eth0", vpcB, "branch", bob, List.of("10.1.1.4"), List.of(), List.of("sg-0b")));
        InterfaceRecord web = record("vif-web", vpcA, "web", alice, List.of("10.0.1.10", "10.0.1.20"),
                List.of(new PublicAddress(ipv4("203.0.113.10"), ipv4("10.0.1.10")),
                        new PublicAddress(ipv4("203.0.113.20"), ipv4("10.0.1.20"))),
                List.of("sg-web", "sg-app"));
        InterfaceRecord.Builder multi = web.toBuilder();
        multi.multiAttach = true;
        multi.description = "web address";
        multi.attachers = Set.of(bob);
        multi.tags = Map.of("role", "web");
        multi.vlan = OptionalInt.of(7);
        b.putInterface(multi.build());
        InterfaceRecord.Builder nat = record("vif-nat", vpcA, "web", alice, List.of("10.0.1.99"), List.of(), List.of())
                .toBuilder();
        nat.requesterManaged = true;
        nat.sourceDestCheck = false;
        b.putInterface(nat.build());
        b.putAttachment(new Attachment(attachmentId("attach-00000001"), interfaceId("vm-1-eth0"), instanceId("vm-1"),
                alice, 0, true));
        b.putAttachment(new Attachment(attachmentId("attach-00000002"), interfaceId("vm-2-eth0"), instanceId("vm-2"),
                alice, 0, false));
        b.putAttachment(new Attachment(attachmentId("attach-00000003"), interfaceId("vm-b-eth0"), instanceId("vm-b"),
                bob, 0, true));
        b.putAttachment(new Attachment(attachmentId("attach-web-1"), interfaceId("vif-web"), instanceId("vm-1"),
                alice, 1, false));
        b.putAttachment(new Attachment(attachmentId("attach-web-2"), interfaceId("vif-web"), instanceId("vm-2"),
                bob, 2, true));
        return b.build();
    }

    private static InterfaceRecord record(String id, org.viflab.model.PartitionId partition, String subnet,
                                          org.viflab.model.PrincipalId owner, List<String> ips,
                                          List<PublicAddress> publics, List<String> groups) {
        return new InterfaceRecord(interfaceId(id), "", partition, "zone-1", subnetId(subnet),
                ips.stream().map(org.viflab.net.Ipv4Address::parse).toList(), publics,
                groups.stream().map(org.viflab.model.SecurityGroupId::securityGroupId).toList(), Set.of(), Set.of(),
                owner, true, null, Map.of(), OptionalInt.empty(), false, false);
    }

    @Test
    void savedLabKeepsItsWatchedFlowsInOrderButNotOnesWhoseEndsAreGone() {
        Topology lab = lab();
        Map<String, Flow> watch = new LinkedHashMap<>();
        watch.put("web", Flow.of("internet", "203.0.113.10", Protocol.TCP, 80));
        watch.put("from-terminated", Flow.of("vm-old", "vm-1", Protocol.TCP, 80));
        watch.put("office", Flow.of("vpn:vpc-b", "vm-b", Protocol.TCP, 22));
        watch.put("to-nat", Flow.of("vm-1", "vif-nat", Protocol.UDP, 53));
        watch.put("to-deleted", Flow.of("vm-1", "vif-deleted", Protocol.TCP, 80));

        Scenario saved = LabSnapshot.scenarioOf(lab, "Saved lab", watch);
        String yaml = ScenarioWriter.write(lab, "Saved lab", watch);

        assertThat(saved.watch().keySet()).containsExactly("web", "office", "to-nat");
        assertThat(saved.watch().get("office")).isEqualTo(watch.get("office"));
        Scenario read = ScenarioReader.parse("saved.yaml", yaml);
        assertThat(read).isEqualTo(saved);
        assertThat(read.watch().keySet()).containsExactly("web", "office", "to-nat");
        assertThat(LabSnapshot.scenarioOf(lab, "Saved lab").watch()).isEmpty();
    }

    @Test
    void savedLabRoundTripsAndKeepsWhatMatters() {
        Topology lab = lab();
        Scenario saved = LabSnapshot.scenarioOf(lab, "Saved lab");
        String yaml = ScenarioWriter.write(lab, "Saved lab");
        assertThat(ScenarioReader.parse("saved.yaml", yaml)).isEqualTo(saved);

        ScenarioTopology t = saved.topology();
        assertThat(saved.principals()).containsExactly(principalId("alice"), principalId("bob"));
        assertThat(t.partitions().get(1).defaultGroup()).contains(securityGroupId("sg-0b"));
        assertThat(t.partitions().get(0).defaultGroup()).isEmpty();
        assertThat(t.securityGroups().stream().map(g -> g.id().orElseThrow().value()))
                .as("an untouched default group is left to the partition").containsExactly("sg-0b", "sg-app", "sg-web");
        CreateSecurityGroup app = t.securityGroups().get(1);
        assertThat(app.egress()).as("allow-all egress is written as omitted").isEmpty();
        assertThat(t.securityGroups().get(0).egress()).contains(List.of());
        assertThat(t.instances().stream().map(l -> l.id().orElseThrow().value()))
                .as("terminated instances are gone").containsExactly("vm-1", "vm-2", "vm-b");
        assertThat(t.instances().get(1).interfaces()).singleElement().satisfies(spec -> {
            assertThat(spec.id()).contains(interfaceId("vm-2-eth0"));
            assertThat(spec.deleteOnTermination()).isFalse();
        });
        assertThat(t.interfaces().stream().map(i -> i.id().orElseThrow().value())).containsExactly("vif-nat", "vif-web");
        assertThat(t.interfaces().get(1).publicIps()).containsExactly(ipv4("203.0.113.10"));
        assertThat(t.platforms().get(0).nics().get(1).up()).isFalse();
        assertThat(yaml).contains("state: down").contains("mac: \"02:00:00:00:0a:01\"");

        assertThat(saved.steps().stream().map(s -> s.request().orElseThrow()).toList()).containsExactly(
                new Attach(interfaceId("vif-web"), instanceId("vm-1"), OptionalInt.of(1), false,
                        Optional.of(attachmentId("attach-web-1"))),
                new Attach(interfaceId("vif-web"), instanceId("vm-2"), OptionalInt.of(2), true,
                        Optional.of(attachmentId("attach-web-2"))),
                new AssociatePublicIp(interfaceId("vif-web"), ipv4("203.0.113.20"), Optional.of(ipv4("10.0.1.20")), false));

        List<Request> setup = saved.setup().stream().map(Submission::request).toList();
        assertThat(setup.get(setup.size() - 1)).as("the route via vm-1-eth0 waits for it")
                .isEqualTo(new Request.SetRoute(subnetId("web"), cidr("172.16.0.0/12"),
                        Optional.of(RouteTarget.appliance(interfaceId("vm-1-eth0")))));
        assertThat(setup).contains(new Request.Authorize(securityGroupId("sg-app"), Request.Direction.INGRESS,
                new Rule(Protocol.TCP, PortSet.parse("8080"), RulePeer.of(securityGroupId("sg-web")))));
    }

    @Test
    void anEmptyLabSavesAsAnEmptyScenario() {
        Scenario s = LabSnapshot.scenarioOf(Topology.empty(), "Nothing");
        assertThat(s.topology().isEmpty()).isTrue();
        assertThat(s.steps()).isEmpty();
        assertThat(ScenarioWriter.write(Topology.empty(), "Nothing")).isEqualTo("scenario: Nothing\n");
    }
}
