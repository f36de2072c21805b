package org.viflab.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The scenario file's shape, one record per mapping of scenario-format.md, in the key order of
 * its example (records are written in component order). Every key is optional here: which keys a
 * mapping requires depends on where it stands (an id is required in the topology, optional on a
 * creating step), so {@link ScenarioReader} checks that. Addresses, prefixes and ids stay text:
 * a bad one is a file error in the topology but a rejected request in a step.
 *
 * <p>Keys whose value takes more than one shape ({@code ports}, {@code from}, {@code lands},
 * {@code disposition}, {@code propagate}, {@code fields}, {@code filters}) are held as trees
 * and checked when converted.
 */
final class FileFormat {

    private FileFormat() {
    }

    record ScenarioDto(String scenario, String description, List<String> principals, OptionsDto options,
                       TopologyDto topology, List<WatchDto> watch, List<StepDto> steps) {
    }

    record OptionsDto(String propagation) {
    }

    record TopologyDto(List<PartitionDto> partitions, List<SubnetDto> subnets, List<GroupDto> securityGroups,
                       List<PlatformDto> platforms, List<InstanceDto> instances, List<InterfaceDto> interfaces) {
    }

    record PartitionDto(String id, String owner, String cidr, Boolean internetGateway, VpnDto vpn,
                        String defaultGroup) {
    }

    record VpnDto(String onPremises) {
    }

    record SubnetDto(String id, String partition, String cidr, String zone, List<RouteDto> routes) {
    }

    record RouteDto(String to, String via) {
    }

    record GroupDto(String id, String partition, String description, List<RuleDto> ingress, List<RuleDto> egress) {
    }

    record RuleDto(String protocol, JsonNode ports, String peer) {
    }

    record PlatformDto(String id, String zone, Integer capacity, List<NicDto> nics) {
    }

    record NicDto(String id, String mac, String state) {
    }

    record InstanceDto(String id, String owner, String type, String zone, String platform, String state,
                       List<InterfaceDto> interfaces, Map<String, String> tags) {
    }

    record InterfaceDto(String id, String owner, String description, String subnet, List<String> privateIps,
                        List<String> publicIps, List<String> securityGroups, List<String> attachers,
                        List<String> ipSetters, Boolean sourceDestCheck, Boolean multiAttach,
                        Boolean requesterManaged, Map<String, String> tags, Integer vlan,
                        Boolean deleteOnTermination) {
    }

    record WatchDto(String name, JsonNode from, JsonNode to, String protocol, Integer port, Integer srcPort) {
    }

    record FlowDto(JsonNode from, JsonNode to, String protocol, Integer port, Integer srcPort) {
    }

    // ---- step parameters ----------------------------------------------------------------------

    record PartitionRefDto(String partition) {
    }

    record SubnetRefDto(String subnet) {
    }

    record GroupRefDto(String group) {
    }

    record InstanceRefDto(String instance) {
    }

    record InterfaceRefDto(@JsonProperty("interface") String iface) {
    }

    record SetRouteDto(String subnet, String to, String via) {
    }

    record RuleChangeDto(String group, String direction, RuleDto rule) {
    }

    record SetNicDto(String nic, String state) {
    }

    record PlaceDto(String instance, String platform) {
    }

    record AttachDto(@JsonProperty("interface") String iface, String instance, Integer deviceIndex,
                     Boolean deleteOnTermination, String id) {
    }

    record DetachDto(@JsonProperty("interface") String iface, String attachment, String instance, Boolean force) {
    }

    record ModifyDto(@JsonProperty("interface") String iface, String description, List<String> securityGroups,
                     Boolean sourceDestCheck, Boolean multiAttach, String attachment, Boolean deleteOnTermination) {
    }

    record AssignIpsDto(@JsonProperty("interface") String iface, List<String> privateIps, Integer count,
                        Boolean allowReassignment) {
    }

    record UnassignIpsDto(@JsonProperty("interface") String iface, List<String> privateIps) {
    }

    record AssociateDto(@JsonProperty("interface") String iface, String publicIp, String privateIp,
                        Boolean allowReassociation) {
    }

    record DisassociateDto(@JsonProperty("interface") String iface, String publicIp) {
    }

    record PermissionDto(@JsonProperty("interface") String iface, String principal, String permission) {
    }

    record DescribeDto(String kind, List<String> ids, Map<String, JsonNode> filters) {
    }

    /** A step: one request key (checked after binding), then the common keys. */
    record StepDto(String narration,
                   PartitionDto createPartition, PartitionRefDto deletePartition,
                   SubnetDto createSubnet, SubnetRefDto deleteSubnet, SetRouteDto setRoute,
                   GroupDto createSecurityGroup, GroupRefDto deleteSecurityGroup,
                   RuleChangeDto authorize, RuleChangeDto revoke,
                   PlatformDto addPlatform, SetNicDto setNic,
                   InstanceDto launch, PlaceDto place, InstanceRefDto start, InstanceRefDto stop,
                   InstanceRefDto terminate, PlaceDto move,
                   InterfaceDto createInterface, InterfaceRefDto deleteInterface,
                   AttachDto attach, DetachDto detach, ModifyDto modifyInterface,
                   AssignIpsDto assignIps, UnassignIpsDto unassignIps,
                   AssociateDto associatePublicIp, DisassociateDto disassociatePublicIp,
                   PermissionDto grantPermission, PermissionDto revokePermission,
                   DescribeDto describe, FlowDto trace, JsonNode propagate,
                   String as, Boolean dryRun, String clientToken, ExpectDto expect) {

        /** The request keys of a step, in the order of scenario-format.md. */
        static final List<String> REQUEST_KEYS = List.of("createPartition", "deletePartition", "createSubnet",
                "deleteSubnet", "setRoute", "createSecurityGroup", "deleteSecurityGroup", "authorize", "revoke",
                "addPlatform", "setNic", "launch", "place", "start", "stop", "terminate", "move",
                "createInterface", "deleteInterface", "attach", "detach", "modifyInterface", "assignIps",
                "unassignIps", "associatePublicIp", "disassociatePublicIp", "grantPermission",
                "revokePermission", "describe", "trace", "propagate");
    }

    record ExpectDto(String error, Boolean ok, Map<String, JsonNode> lands, JsonNode disposition,
                     String deliveredTo, List<String> path, String deniedBy, String exitsTo, List<String> ids,
                     Map<String, Map<String, JsonNode>> fields, List<String> configOps, List<String> changed,
                     Map<String, Long> available) {
    }
}
