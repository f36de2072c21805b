package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PrincipalId.principalId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;
import static org.viflab.net.Ipv4Prefix.cidr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.model.InstanceState;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/** The mapping of scenario-format.md's import-aws, on sample outputs shaped as the AWS CLI prints them. */
class AwsImportTest {

    private static final String VPC_A = "vpc-0a1b2c3d4e5f60001";
    private static final String VPC_B = "vpc-0a1b2c3d4e5f60002";
    private static final String SG_DEFAULT_A = "sg-0d1e2f3a4b5c60001";
    private static final String SG_WEB = "sg-0d1e2f3a4b5c60002";
    private static final String SG_APP = "sg-0d1e2f3a4b5c60003";
    private static final String SG_DEFAULT_B = "sg-0e1f2a3b4c5d60001";

    private static AwsImport.Result result;

    @BeforeAll
    static void importSamples() {
        result = AwsImport.fromDirectory(Resources.path("aws"));
    }

    private static ScenarioTopology topology() {
        return result.scenario().topology();
    }

    private static InterfaceSpec freeInterface(String id) {
        return topology().interfaces().stream().filter(i -> i.id().orElseThrow().value().equals(id)).findFirst()
                .orElseThrow();
    }

    private static CreateSecurityGroup group(String id) {
        return topology().securityGroups().stream().filter(g -> g.id().orElseThrow().value().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void accountOwnersBecomePrincipals() {
        assertThat(result.scenario().principals()).containsExactly(principalId("aws-111122223333"));
        assertThat(result.scenario().title()).isEqualTo("AWS account 111122223333");
        assertThat(result.scenario().description()).hasValueSatisfying(d -> assertThat(d)
                .contains("describe-vpcs.json").contains("2 VPC(s), 4 subnet(s)"));
    }

    @Test
    void vpcsBecomePartitionsWithTheirDefaultGroupAndAGatewayWhereAddressesArePublic() {
        assertThat(topology().partitions()).containsExactly(
                new CreatePartition(Optional.of(partitionId(VPC_A)), Optional.of(principalId("aws-111122223333")),
                        cidr("10.0.0.0/16"), true, Optional.empty(), Optional.of(securityGroupId(SG_DEFAULT_A))),
                new CreatePartition(Optional.of(partitionId(VPC_B)), Optional.of(principalId("aws-111122223333")),
                        cidr("172.31.0.0/16"), false, Optional.empty(), Optional.of(securityGroupId(SG_DEFAULT_B))));
    }

    @Test
    void subnetsKeepZoneAndCidrAndOnlyTheLocalRoute() {
        assertThat(topology().subnets()).extracting(s -> s.id().orElseThrow().value()).containsExactly(
                "subnet-0aa1b2c3d4e5f0001", "subnet-0aa1b2c3d4e5f0002", "subnet-0bb1c2d3e4f5a0001",
                "subnet-0bb1c2d3e4f5a0002");
        assertThat(topology().subnets().get(1).zone()).isEqualTo("us-west-2b");
        assertThat(topology().subnets().get(1).cidr()).isEqualTo(cidr("10.0.2.0/24"));
        assertThat(topology().subnets()).allSatisfy(s -> assertThat(s.routes()).isEmpty());
    }

    @Test
    void eachIpRangeAndGroupPairBecomesARule() {
        assertThat(group(SG_WEB).ingress()).containsExactly(
                new Rule(Protocol.TCP, PortSet.parse("443"), RulePeer.of(org.viflab.net.Ipv4Prefix.ANY)),
                new Rule(Protocol.TCP, PortSet.parse("80"), RulePeer.of(org.viflab.net.Ipv4Prefix.ANY)),
                new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr("203.0.113.0/24"))),
                new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr("198.51.100.7/32"))));
        assertThat(group(SG_WEB).egress()).as("-1 to 0.0.0.0/0 is the allow-all default").isEmpty();
        assertThat(group(SG_WEB).description()).isEqualTo("web servers");
        assertThat(group(SG_APP).ingress()).containsExactly(
                new Rule(Protocol.TCP, PortSet.parse("8080-8081"), RulePeer.of(securityGroupId(SG_WEB))),
                new Rule(Protocol.TCP, PortSet.parse("5432"), RulePeer.of(securityGroupId(SG_APP))),
                new Rule(Protocol.ICMP, null, RulePeer.of(cidr("10.0.0.0/16"))));
        assertThat(group(SG_DEFAULT_B).ingress()).as("IpProtocol -1 is all").containsExactly(
                new Rule(Protocol.ALL, null, RulePeer.of(securityGroupId(SG_DEFAULT_B))),
                new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr("203.0.113.0/24"))));
        assertThat(topology().securityGroups()).as("an unchanged default group is left to its partition")
                .noneMatch(g -> g.id().orElseThrow().value().equals(SG_DEFAULT_A));
    }

    @Test
    void instancesArePlacedOnGeneratedPlatformsPerZoneWithTheirDeviceZeroInterface() {
        assertThat(topology().platforms()).extracting(p -> p.id().value() + " " + p.zone() + " " + p.capacity())
                .containsExactly("host-us-west-2a-1 us-west-2a 16", "host-us-west-2b-1 us-west-2b 16");
        List<Launch> instances = topology().instances();
        assertThat(instances).extracting(l -> l.id().orElseThrow().value()).containsExactly(
                "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003");
        Launch web = instances.get(0);
        assertThat(web.type()).isEqualTo("t3.medium");
        assertThat(web.zone()).isEqualTo("us-west-2a");
        assertThat(web.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(web.platform().orElseThrow().value()).isEqualTo("host-us-west-2a-1");
        assertThat(web.tags()).isEqualTo(Map.of("Name", "web-1", "tier", "web"));
        assertThat(web.interfaces()).singleElement().satisfies(eth0 -> {
            assertThat(eth0.id()).contains(interfaceId("eni-0c1d2e3f4a5b60001"));
            assertThat(eth0.privateIps()).containsExactly(ipv4("10.0.1.25"));
            assertThat(eth0.publicIps()).containsExactly(ipv4("34.210.17.5"));
            assertThat(eth0.securityGroups()).containsExactly(securityGroupId(SG_WEB));
            assertThat(eth0.deleteOnTermination()).isTrue();
        });
        assertThat(instances.get(1).type()).as("a type VIF Lab does not know is kept").isEqualTo("m7i.large");
        assertThat(instances.get(2).state()).isEqualTo(InstanceState.STOPPED);
        assertThat(instances.get(2).platform().orElseThrow().value()).isEqualTo("host-us-west-2a-1");
    }

    @Test
    void higherDevicesBecomeAttachStepsKeepingTheirAttachments() {
        List<Request> steps = result.scenario().steps().stream().map(s -> s.request().orElseThrow()).toList();
        assertThat(steps).containsExactly(
                new Attach(interfaceId("eni-0c1d2e3f4a5b60002"), instanceId("i-0a1b2c3d4e5f60001"), OptionalInt.of(1),
                        false, Optional.of(attachmentId("eni-attach-0f1e2d3c4b5a60002"))),
                new Attach(interfaceId("eni-0c1d2e3f4a5b60004"), instanceId("i-0a1b2c3d4e5f60002"), OptionalInt.of(1),
                        false, Optional.of(attachmentId("eni-attach-0f1e2d3c4b5a60004"))),
                new AssociatePublicIp(interfaceId("eni-0c1d2e3f4a5b60002"), ipv4("52.24.100.11"),
                        Optional.of(ipv4("10.0.1.41")), false));
    }

    @Test
    void interfacesKeepTheirFields() {
        InterfaceSpec web = freeInterface("eni-0c1d2e3f4a5b60002");
        assertThat(web.description()).isEqualTo("shop web address");
        assertThat(web.privateIps()).as("primary first").containsExactly(ipv4("10.0.1.40"), ipv4("10.0.1.41"));
        assertThat(web.publicIps()).as("the Elastic IP of the primary address").containsExactly(ipv4("52.24.100.10"));
        assertThat(web.tags()).isEqualTo(Map.of("purpose", "storefront"));
        assertThat(web.owner()).contains(principalId("aws-111122223333"));

        InterfaceSpec replication = freeInterface("eni-0c1d2e3f4a5b60004");
        assertThat(replication.sourceDestCheck()).as("read from describe-instances when describe-network-interfaces "
                + "lacks it").isFalse();
        assertThat(replication.subnet()).isEqualTo(subnetId("subnet-0aa1b2c3d4e5f0002"));

        InterfaceSpec spare = freeInterface("eni-0c1d2e3f4a5b60007");
        assertThat(spare.tags()).isEqualTo(Map.of("role", "failover", "team", "shop"));
        assertThat(spare.securityGroups()).containsExactly(securityGroupId(SG_APP));
    }

    @Test
    void aRequesterManagedServiceInterfaceIsImportedUnattached() {
        InterfaceSpec nat = freeInterface("eni-0c1d2e3f4a5b60006");
        assertThat(nat.requesterManaged()).isTrue();
        assertThat(nat.securityGroups()).isEmpty();
        assertThat(nat.publicIps()).containsExactly(ipv4("52.24.100.20"));
        assertThat(nat.sourceDestCheck()).isFalse();
        assertThat(result.scenario().steps()).noneMatch(s -> s.request().orElseThrow() instanceof Attach a
                && a.iface().value().equals("eni-0c1d2e3f4a5b60006"));
    }

    @Test
    void whatCannotBeHeldIsListedAsWarnings() {
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith(VPC_A + ": secondary CIDR 10.1.0.0/16"))
                .anySatisfy(w -> assertThat(w).startsWith(VPC_A + ": IPv6 CIDR 2600:1f14:a2b:8c00::/56"))
                .anySatisfy(w -> assertThat(w).startsWith("subnet-0aa1b2c3d4e5f0003: 10.1.0.0/24 lies in a secondary CIDR"))
                .anySatisfy(w -> assertThat(w).startsWith("route tables are not in describe-* outputs"))
                .anySatisfy(w -> assertThat(w).startsWith("network ACLs are not imported"))
                .anySatisfy(w -> assertThat(w).startsWith(SG_WEB + ": ingress rule from IPv6 ::/0"))
                .anySatisfy(w -> assertThat(w).startsWith(SG_APP + ": ingress rule naming group sg-0f9e8d7c6b5a40001 "
                        + "of account 444455556666"))
                .anySatisfy(w -> assertThat(w).startsWith(SG_APP + ": ingress rule for IP protocol 50"))
                .anySatisfy(w -> assertThat(w).startsWith(SG_APP + ": ingress rule from prefix list pl-68a54001"))
                .anySatisfy(w -> assertThat(w).isEqualTo("i-0a1b2c3d4e5f60004: terminated instance not imported"))
                .anySatisfy(w -> assertThat(w).startsWith("eni-0c1d2e3f4a5b60003: IPv6 address(es) [2600:1f14:a2b:8c02::10]"))
                .anySatisfy(w -> assertThat(w).startsWith("eni-0c1d2e3f4a5b60006: interface of a NAT gateway"))
                .anySatisfy(w -> assertThat(w).startsWith("tags of VPCs, subnets, security groups are not kept"));
    }

    @Test
    void theImportedScenarioIsAValidFileThatRoundTrips() {
        String yaml = ScenarioWriter.write(result.scenario());
        assertThat(ScenarioReader.parse("imported.yaml", yaml)).isEqualTo(result.scenario());
        assertThat(yaml).contains("host-us-west-2a-1").contains("eni-attach-0f1e2d3c4b5a60002");
    }

    @Test
    void importIsDeterministic() {
        assertThat(AwsImport.fromDirectory(Resources.path("aws"))).isEqualTo(result);
    }

    @Test
    void outputsMayComeInAnyFilesAndOnlyInstancesAreNeededForInterfaces() throws Exception {
        Path dir = Resources.path("aws");
        AwsImport.Result partial = AwsImport.fromTexts(Map.of(
                "vpcs.json", Files.readString(dir.resolve("describe-vpcs.json")),
                "subnets.json", Files.readString(dir.resolve("describe-subnets.json")),
                "groups.json", Files.readString(dir.resolve("describe-security-groups.json")),
                "instances.json", Files.readString(dir.resolve("describe-instances.json")),
                "notes.json", "{\"NextToken\": null}"));
        assertThat(partial.scenario().topology().instances()).hasSize(3);
        assertThat(partial.scenario().topology().interfaces()).extracting(i -> i.id().orElseThrow().value())
                .containsExactly("eni-0c1d2e3f4a5b60002", "eni-0c1d2e3f4a5b60004");
        assertThat(partial.warnings()).anySatisfy(w -> assertThat(w).startsWith("notes.json: holds none of Vpcs"));
    }

    @Test
    void malformedOutputIsALocatedError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vpcs.json"), "{\n  \"Vpcs\": [\n    {\"CidrBlock\": \"10.0.0.0/16\"}\n  ]\n}\n");
        assertThatThrownBy(() -> AwsImport.fromDirectory(dir)).isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith("vpcs.json:3:5: Vpcs[0]: missing VpcId");
        Files.writeString(dir.resolve("vpcs.json"), "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\", "
                + "\"CidrBlock\": \"10.0.0.0/33\"}]}");
        assertThatThrownBy(() -> AwsImport.fromDirectory(dir)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("vpcs.json:1:46: Vpcs[0].CidrBlock: '10.0.0.0/33' is not");
        Files.writeString(dir.resolve("vpcs.json"), "{\"Vpcs\": [ {\"VpcId\": } ]}");
        assertThatThrownBy(() -> AwsImport.fromDirectory(dir)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("vpcs.json:1:22: JSON syntax:");
    }

    @Test
    void anEmptyDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> AwsImport.fromDirectory(dir)).isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith(":1:1: no *.json file to import");
    }
}
