package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PrincipalId.principalId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
import org.viflab.model.InstanceState;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

class ScenarioReaderTest {

    private static Scenario example() {
        return ScenarioReader.read(Resources.path("scenario/move-interface.yaml"));
    }

    @Test
    void readsTheSpecExampleHeader() {
        Scenario s = example();
        assertThat(s.title()).isEqualTo("Move an interface to a standby server");
        assertThat(s.description()).contains("Figure 5 of the design: the web address moves from vm-1 to vm-2 with its "
                + "security settings.\n");
        assertThat(s.principals()).containsExactly(principalId("alice"), principalId("bob"));
        assertThat(s.propagation()).isEqualTo(Propagation.INSTANT);
        assertThat(s.watch()).containsOnlyKeys("web");
        assertThat(s.watch().get("web")).isEqualTo(new Flow(Endpoint.internet(), Endpoint.address(Ipv4Address.parse("203.0.113.10")),
                Protocol.TCP, 80, OptionalInt.empty()));
    }

    @Test
    void setupCreatesPrincipalsFirstThenEachSectionInOrderAsOperator() {
        List<Submission> setup = example().setup();
        assertThat(setup).allSatisfy(s -> {
            assertThat(s.as()).isEqualTo(Topology.OPERATOR);
            assertThat(s.dryRun()).isFalse();
            assertThat(s.clientToken()).isEmpty();
        });
        assertThat(setup.stream().map(s -> s.request().getClass().getSimpleName()).toList()).containsExactly(
                "CreatePrincipal", "CreatePrincipal", "CreatePartition", "CreatePartition", "CreateSubnet",
                "CreateSecurityGroup", "AddPlatform", "AddPlatform", "Launch", "Launch", "CreateInterface");
        assertThat(setup.get(0).request()).isEqualTo(new CreatePrincipal(principalId("alice")));
        assertThat(setup.get(3).request()).isEqualTo(new CreatePartition(Optional.of(partitionId("vpc-b")),
                Optional.of(principalId("bob")), Ipv4Prefix.parse("10.1.0.0/16"), false,
                Optional.of(Ipv4Prefix.parse("192.168.0.0/16")), Optional.empty()));
    }

    @Test
    void topologyValuesAreParsedWithTheirDefaults() {
        ScenarioTopology t = example().topology();
        assertThat(t.subnets().get(0)).isEqualTo(new CreateSubnet(Optional.of(subnetId("web")), partitionId("vpc-a"),
                Ipv4Prefix.parse("10.0.1.0/24"), "zone-1", List.of(new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET))));
        CreateSecurityGroup web = t.securityGroups().get(0);
        assertThat(web.ingress()).containsExactly(new Rule(Protocol.TCP, PortSet.parse("80,443"),
                RulePeer.of(Ipv4Prefix.ANY)));
        assertThat(web.egress()).as("an omitted egress allows all").isEmpty();
        assertThat(t.platforms().get(1).capacity()).isEqualTo(ScenarioConverter.DEFAULT_CAPACITY);
        assertThat(t.platforms().get(1).nics().get(0).up()).isTrue();

        Launch vm2 = t.instances().get(1);
        assertThat(vm2.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(vm2.interfaces()).hasSize(1);
        assertThat(vm2.interfaces().get(0).securityGroups()).as("omitted: the partition's default group")
                .containsExactly(securityGroupId("vpc-a-default"));
        assertThat(vm2.interfaces().get(0).deleteOnTermination()).isTrue();
        assertThat(vm2.interfaces().get(0).privateIps()).isEmpty();

        Request.InterfaceSpec web2 = t.interfaces().get(0);
        assertThat(web2.publicIps()).containsExactly(Ipv4Address.parse("203.0.113.10"));
        assertThat(web2.attachers()).containsExactly(principalId("alice"));
        assertThat(web2.tags()).isEqualTo(Map.of("role", "web"));
        assertThat(web2.sourceDestCheck()).isTrue();
    }

    @Test
    void readsEachStepWithItsLineActionAndExpectations() {
        List<Step> steps = example().steps();
        assertThat(steps).hasSize(6);
        assertThat(steps.stream().map(Step::line).toList()).containsExactly(54, 58, 62, 67, 72, 77);

        Step first = steps.get(0);
        assertThat(first.index()).isEqualTo(1);
        assertThat(first.narration()).contains("The web address is on vm-1.");
        assertThat(first.request()).contains(Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        assertThat(first.expect().lands()).isEqualTo(Map.of("web", Set.of(instanceId("vm-1"))));

        assertThat(steps.get(1).request()).contains(Detach.interfaceOf(interfaceId("vif-web")));
        assertThat(steps.get(1).expect().dispositions()).isEqualTo(Map.of("web", "DETACHED"));

        Step.Submit asBob = (Step.Submit) steps.get(2).action();
        assertThat(asBob.submission().as()).isEqualTo(principalId("bob"));
        assertThat(steps.get(2).expect().error()).contains(ErrorCode.UNAUTHORIZED_OPERATION);
        assertThat(steps.get(2).expect().expectsSuccess()).isFalse();

        assertThat(steps.get(3).narration()).isEmpty();
        assertThat(steps.get(3).expect().changed()).contains(Set.of("web"));

        Step trace = steps.get(4);
        assertThat(trace.action()).isEqualTo(new Step.TraceFlow(new Flow(Endpoint.object("vm-1"),
                Endpoint.address(Ipv4Address.parse("10.0.1.10")), Protocol.TCP, 80, OptionalInt.empty())));
        assertThat(trace.expect().disposition()).contains("DELIVERED");
        assertThat(trace.expect().deliveredTo()).contains(instanceId("vm-2"));
        assertThat(trace.expect().path()).contains(List.of(interfaceId("vm-1-eth0"), interfaceId("vif-web")));

        Step describe = steps.get(5);
        assertThat(describe.request()).contains(new Describe(Request.Kind.INTERFACES, List.of(),
                Map.of("group-id", List.of("sg-web"), "tag:role", List.of("web"))));
        assertThat(describe.expect().ids()).contains(Set.of("vif-web"));
        assertThat(describe.expect().fields()).isEqualTo(Map.of("vif-web", Map.of("status", "in-use",
                "attachedInstances", List.of("vm-2"), "macAddresses", List.of("02:00:00:00:0b:01"))));
    }

    @Test
    void jsonFileReadsTheSameAsYaml() {
        assertThat(ScenarioReader.read(Resources.path("scenario/move-interface.json"))).isEqualTo(example());
    }

    @Test
    void readsEveryRequestKey() {
        Scenario s = ScenarioReader.read(Resources.path("scenario/every-request.yaml"));
        assertThat(s.propagation()).isEqualTo(Propagation.STEPWISE);
        assertThat(s.steps().stream().map(step -> step.action().key()).distinct())
                .containsAll(FileFormat.StepDto.REQUEST_KEYS);
        Step launch = s.step(11);
        Step.Submit submit = (Step.Submit) launch.action();
        assertThat(submit.submission().dryRun()).isTrue();
        Launch l = (Launch) submit.submission().request();
        assertThat(l.owner()).as("launch owner defaults to the acting principal").isEmpty();
        assertThat(l.state()).isEqualTo(InstanceState.PENDING);
        assertThat(l.interfaces().get(0).deleteOnTermination()).isFalse();
        assertThat(l.interfaces().get(0).securityGroups()).as("not resolved in a step").isEmpty();
        assertThat(s.step(2).action()).isInstanceOfSatisfying(Step.Submit.class,
                x -> assertThat(x.submission().clientToken()).contains("make-vpc-d"));
        assertThat(s.step(5).request()).contains(new Request.SetRoute(subnetId("db"), Ipv4Prefix.ANY, Optional.empty()));
        assertThat(s.step(16).action()).isEqualTo(new Step.Propagate(OptionalInt.of(2)));
        assertThat(s.step(17).action()).isEqualTo(Step.Propagate.ALL);
        assertThat(s.step(21).request()).hasValueSatisfying(r -> assertThat(((CreateInterface) r).spec().description())
                .isEqualTo("spare"));
        assertThat(s.step(28).request()).contains(new Request.ModifyAttachment(
                org.viflab.model.AttachmentId.attachmentId("attach-7"), false));
        assertThat(s.step(30).expect().available()).isEqualTo(Map.of(subnetId("web"), 240L));
        assertThat(s.step(37).request()).hasValueSatisfying(r -> assertThat(((Describe) r).filters())
                .containsEntry("source-dest-check", List.of("false")).containsEntry("tag:role", List.of("web", "db")));
        assertThat(s.step(37).expect().ids()).contains(Set.of());
        assertThat(s.step(37).expect().fields().get("vif-web")).containsEntry("counters",
                Map.of("packetsIn", 3L, "bytesIn", 180L)).containsEntry("sourceDestCheck", false);
        assertThat(s.step(38).expect().exitsTo()).contains(Expectations.ExitTarget.VPN);
        assertThat(s.step(39).expect().deniedBy()).contains(securityGroupId("sg-web"));
        assertThat(s.step(40).expect().lands()).containsEntry("dns", Set.of())
                .containsEntry("web", Set.of(instanceId("vm-1"), instanceId("vm-3")));
        assertThat(s.step(44).expect().configOps()).contains(List.of());
        assertThat(s.step(15).expect().configOps()).contains(List.of("hypervisor@host-a plug",
                "hypervisor@host-a load-groups"));
    }

    @Test
    void topologyDefaultGroupRulesAndForwardReferencesWaitForTheirGroups() {
        Scenario s = ScenarioReader.read(Resources.path("scenario/every-request.yaml"));
        List<Request> setup = s.setup().stream().map(Submission::request).toList();
        CreateSecurityGroup web = (CreateSecurityGroup) setup.stream()
                .filter(r -> r instanceof CreateSecurityGroup g && g.id().get().value().equals("sg-web")).findFirst().get();
        assertThat(web.ingress()).as("the rule naming sg-app waits until sg-app exists").hasSize(2);
        assertThat(setup).contains(new Request.Authorize(securityGroupId("sg-web"), Request.Direction.INGRESS,
                new Rule(Protocol.TCP, PortSet.parse("8000-8080"), RulePeer.of(securityGroupId("sg-app")))));
        assertThat(setup.get(setup.size() - 1)).as("a route via an interface waits for the interface")
                .isEqualTo(new Request.SetRoute(subnetId("app"), Ipv4Prefix.parse("172.16.0.0/12"),
                        Optional.of(RouteTarget.appliance(interfaceId("fw-eth0")))));
        CreateSubnet app = (CreateSubnet) setup.stream()
                .filter(r -> r instanceof CreateSubnet c && c.id().get().value().equals("app")).findFirst().get();
        assertThat(app.routes()).containsExactly(new Route(Ipv4Prefix.parse("10.9.0.0/16"), RouteTarget.BLACKHOLE));
        CreateSecurityGroup defaultGroup = s.topology().securityGroups().get(0);
        assertThat(defaultGroup.egress()).as("an explicit empty egress allows none").contains(List.of());
        assertThat(s.topology().interfaces().get(1).securityGroups()).as("a requester-managed record may have none")
                .isEmpty();
        assertThat(s.topology().instances().get(0).interfaces().get(0).deleteOnTermination()).isFalse();
    }

    @Test
    void aMalformedAddressInAStepLoadsAsARejectedRequest() {
        Scenario s = ScenarioReader.parse("mistakes.yaml", """
                scenario: Mistakes
                steps:
                  - narration: a typo in the address
                    assignIps: {interface: vif-web, privateIps: [10.0.1.300]}
                    as: alice
                    expect: {error: InvalidParameterValue}
                  - detach: {interface: vif-web, instance: vm-1}
                  - trace: {from: vm-1, to: 10.0.1.256, protocol: tcp, port: 80}
                  - authorize: {group: sg-web, direction: inwards, rule: {protocol: tcp, ports: 80-70, peer: 0.0.0.0/0}}
                  - attach: {interface: vif-nobody-made, instance: vm-42}
                """);
        Step.Malformed assign = (Step.Malformed) s.step(1).action();
        assertThat(assign.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(assign.message()).isEqualTo("assignIps.privateIps[0]: '10.0.1.300' is not an IPv4 address");
        assertThat(assign.key()).isEqualTo("assignIps");
        assertThat(assign.as()).isEqualTo(principalId("alice"));
        assertThat(assign.parameters()).isEqualTo(Map.of("interface", "vif-web", "privateIps", List.of("10.0.1.300")));
        assertThat(s.step(1).expect().error()).contains(ErrorCode.INVALID_PARAMETER_VALUE);

        Step.Malformed detach = (Step.Malformed) s.step(2).action();
        assertThat(detach.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_COMBINATION);
        assertThat(s.step(3).action()).isInstanceOfSatisfying(Step.Malformed.class,
                m -> assertThat(m.message()).isEqualTo("trace.to: '10.0.1.256' is not an IPv4 address"));
        assertThat(s.step(4).action()).isInstanceOfSatisfying(Step.Malformed.class,
                m -> assertThat(m.message()).contains("authorize.direction").contains("inwards"));
        assertThat(s.step(5).action()).as("references in steps are not checked when reading")
                .isInstanceOf(Step.Submit.class);
    }

    @Test
    void aScenarioMayHaveNoTopologyWatchOrSteps() {
        Scenario s = ScenarioReader.parse("empty.yaml", "scenario: Nothing yet\n");
        assertThat(s.topology().isEmpty()).isTrue();
        assertThat(s.setup()).isEmpty();
        assertThat(s.watch()).isEmpty();
        assertThat(s.steps()).isEmpty();
        assertThat(s.description()).isEmpty();
    }
}
