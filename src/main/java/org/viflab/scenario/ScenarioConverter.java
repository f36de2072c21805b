package org.viflab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
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
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
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
import org.viflab.model.Sentence;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortRange;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;
import org.viflab.scenario.FileFormat.AssignIpsDto;
import org.viflab.scenario.FileFormat.AssociateDto;
import org.viflab.scenario.FileFormat.AttachDto;
import org.viflab.scenario.FileFormat.DescribeDto;
import org.viflab.scenario.FileFormat.DetachDto;
import org.viflab.scenario.FileFormat.DisassociateDto;
import org.viflab.scenario.FileFormat.ExpectDto;
import org.viflab.scenario.FileFormat.FlowDto;
import org.viflab.scenario.FileFormat.GroupDto;
import org.viflab.scenario.FileFormat.GroupRefDto;
import org.viflab.scenario.FileFormat.InstanceDto;
import org.viflab.scenario.FileFormat.InstanceRefDto;
import org.viflab.scenario.FileFormat.InterfaceDto;
import org.viflab.scenario.FileFormat.InterfaceRefDto;
import org.viflab.scenario.FileFormat.ModifyDto;
import org.viflab.scenario.FileFormat.NicDto;
import org.viflab.scenario.FileFormat.PartitionDto;
import org.viflab.scenario.FileFormat.PartitionRefDto;
import org.viflab.scenario.FileFormat.PermissionDto;
import org.viflab.scenario.FileFormat.PlaceDto;
import org.viflab.scenario.FileFormat.PlatformDto;
import org.viflab.scenario.FileFormat.RouteDto;
import org.viflab.scenario.FileFormat.RuleChangeDto;
import org.viflab.scenario.FileFormat.RuleDto;
import org.viflab.scenario.FileFormat.ScenarioDto;
import org.viflab.scenario.FileFormat.SetNicDto;
import org.viflab.scenario.FileFormat.SetRouteDto;
import org.viflab.scenario.FileFormat.StepDto;
import org.viflab.scenario.FileFormat.SubnetDto;
import org.viflab.scenario.FileFormat.SubnetRefDto;
import org.viflab.scenario.FileFormat.TopologyDto;
import org.viflab.scenario.FileFormat.UnassignIpsDto;
import org.viflab.scenario.FileFormat.WatchDto;

/**
 * Turns the bound file ({@link FileFormat}) into a {@link Scenario}: parses addresses and ids,
 * applies defaults, checks the topology (duplicates, dangling references, ranges) and the steps'
 * shape. Errors name the offending key with its position; a step whose values cannot be parsed
 * becomes {@link Step.Malformed} instead.
 */
final class ScenarioConverter {

    /** A platform's capacity when the file gives none. */
    static final int DEFAULT_CAPACITY = 16;

    private final SourceDocument doc;

    ScenarioConverter(SourceDocument doc) {
        this.doc = doc;
    }

    /** A step parameter that does not parse: the step becomes {@link Step.Malformed}. */
    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ErrorCode code;
        final Sentence reason;

        BadParameter(ErrorCode code, Sentence reason) {
            super(reason.english(), null, false, false);
            this.code = code;
            this.reason = reason;
        }
    }

    /**
     * How a value that does not parse is reported: a file error in the topology and the watch list,
     * a rejected request ({@link BadParameter}) inside a step's request.
     */
    private final class Values {
        private final KeyPath stepBase;

        Values(KeyPath stepBase) {
            this.stepBase = stepBase;
        }

        RuntimeException bad(KeyPath at, Sentence detail) {
            return stepBase == null ? doc.error(at, detail)
                    : new BadParameter(ErrorCode.INVALID_PARAMETER_VALUE,
                            Problem.at(at.from(stepBase.depth()), detail));
        }

        RuntimeException combination(KeyPath at, Sentence detail) {
            return stepBase == null ? doc.error(at, detail)
                    : new BadParameter(ErrorCode.INVALID_PARAMETER_COMBINATION,
                            Problem.at(at.from(stepBase.depth()), detail));
        }

        <T> T parse(KeyPath at, String text, Function<String, T> parser) {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw bad(at, ValueErrors.sentence(e));
            }
        }

        <T> Optional<T> optional(KeyPath at, String text, Function<String, T> parser) {
            return text == null ? Optional.empty() : Optional.of(parse(at, text, parser));
        }

        <T> List<T> all(KeyPath at, List<String> texts, Function<String, T> parser) {
            if (texts == null) {
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                out.add(parse(at.index(i), texts.get(i), parser));
            }
            return out;
        }
    }

    private final Values strict = new Values(null);

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private String required(KeyPath object, String key, String value) {
        if (value == null) {
            throw doc.error(object, Sentence.of(Problem.MISSING_REQUIRED_KEY, key));
        }
        return value;
    }

    private <T> T requiredValue(KeyPath object, String key, T value) {
        if (value == null) {
            throw doc.error(object, Sentence.of(Problem.MISSING_REQUIRED_KEY, key));
        }
        return value;
    }

    // ---- the whole file --------------------------------------------------------------------

    Scenario convert(ScenarioDto d) {
        KeyPath root = KeyPath.ROOT;
        String title = required(root, "scenario", d.scenario());
        if (title.isBlank()) {
            throw doc.error(root.key("scenario"), Sentence.of(Problem.TITLE_EMPTY));
        }
        List<PrincipalId> principals = principals(d.principals(), root.key("principals"));
        Propagation propagation = Propagation.INSTANT;
        if (d.options() != null && d.options().propagation() != null) {
            propagation = strict.parse(root.key("options").key("propagation"), d.options().propagation(), Propagation::parse);
        }
        ScenarioTopology topology = d.topology() == null ? ScenarioTopology.EMPTY
                : new TopologyReader(principals).read(d.topology(), root.key("topology"));
        Map<String, Flow> watch = watch(d.watch(), root.key("watch"));
        List<Step> steps = new ArrayList<>();
        if (d.steps() != null) {
            for (int i = 0; i < d.steps().size(); i++) {
                steps.add(step(d.steps().get(i), i, root.key("steps").index(i), watch.keySet()));
            }
        }
        return new Scenario(title, Optional.ofNullable(d.description()), principals, propagation, topology, watch, steps);
    }

    private List<PrincipalId> principals(List<String> names, KeyPath at) {
        List<PrincipalId> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (int i = 0; i < names.size(); i++) {
            PrincipalId id = strict.parse(at.index(i), names.get(i), PrincipalId::principalId);
            if (id.equals(Topology.OPERATOR)) {
                throw doc.error(at.index(i), Sentence.of(Problem.OPERATOR_ALWAYS_EXISTS));
            }
            if (out.contains(id)) {
                throw doc.error(at.index(i), Sentence.of(Problem.DUPLICATE_PRINCIPAL, id));
            }
            out.add(id);
        }
        return out;
    }

    private Map<String, Flow> watch(List<WatchDto> list, KeyPath at) {
        Map<String, Flow> out = new LinkedHashMap<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            WatchDto w = list.get(i);
            KeyPath here = at.index(i);
            String name = required(here, "name", w.name());
            if (name.isBlank()) {
                throw doc.error(here.key("name"), Sentence.of(Problem.NAME_EMPTY));
            }
            if (out.containsKey(name)) {
                throw doc.error(here.key("name"), Sentence.of(Problem.DUPLICATE_WATCHED_FLOW, name));
            }
            out.put(name, flow(new FlowDto(w.from(), w.to(), w.protocol(), w.port(), w.srcPort()), here, strict));
        }
        return out;
    }

    // ---- values shared by the topology and the steps ---------------------------------------

    private Flow flow(FlowDto d, KeyPath at, Values v) {
        Endpoint from = endpoint(requiredValue(at, "from", d.from()), at.key("from"), v);
        Endpoint to = endpoint(requiredValue(at, "to", d.to()), at.key("to"), v);
        Protocol protocol = v.parse(at.key("protocol"), required(at, "protocol", d.protocol()), Protocol::parse);
        int port = or(d.port(), 0);
        OptionalInt srcPort = d.srcPort() == null ? OptionalInt.empty() : OptionalInt.of(d.srcPort());
        try {
            return new Flow(from, to, protocol, port, srcPort);
        } catch (IllegalArgumentException e) {
            throw v.bad(at, ValueErrors.sentence(e));
        }
    }

    private Endpoint endpoint(JsonNode node, KeyPath at, Values v) {
        if (node.isTextual()) {
            return v.parse(at, node.textValue(), Endpoint::parse);
        }
        if (node.isObject() && node.size() == 1 && node.has("internet")) {
            JsonNode ip = node.get("internet");
            if (!ip.isTextual()) {
                throw doc.error(at.key("internet"),
                        Sentence.of(Problem.EXPECTED_ADDRESS_TEXT, doc.kindAt(at.key("internet"))));
            }
            return Endpoint.internet(v.parse(at.key("internet"), ip.textValue(), Ipv4Address::parse));
        }
        throw doc.error(at, Sentence.of(Problem.EXPECTED_FLOW_END, doc.kindAt(at)));
    }

    private CreatePartition partition(PartitionDto d, KeyPath at, Values v, boolean topology) {
        Optional<PartitionId> id = v.optional(at.key("id"), topology ? required(at, "id", d.id()) : d.id(),
                PartitionId::partitionId);
        Optional<PrincipalId> owner = v.optional(at.key("owner"), d.owner(), PrincipalId::principalId);
        Ipv4Prefix cidr = v.parse(at.key("cidr"), required(at, "cidr", d.cidr()), ScenarioConverter::prefix);
        Optional<Ipv4Prefix> vpn = Optional.empty();
        if (d.vpn() != null) {
            KeyPath vpnAt = at.key("vpn");
            vpn = Optional.of(v.parse(vpnAt.key("onPremises"), required(vpnAt, "onPremises", d.vpn().onPremises()),
                    ScenarioConverter::prefix));
        }
        Optional<SecurityGroupId> defaultGroup = v.optional(at.key("defaultGroup"), d.defaultGroup(),
                SecurityGroupId::securityGroupId);
        return new CreatePartition(id, owner, cidr, or(d.internetGateway(), false), vpn, defaultGroup);
    }

    private CreateSubnet subnet(SubnetDto d, KeyPath at, Values v, boolean topology) {
        Optional<SubnetId> id = v.optional(at.key("id"), topology ? required(at, "id", d.id()) : d.id(),
                SubnetId::subnetId);
        PartitionId partition = v.parse(at.key("partition"), required(at, "partition", d.partition()),
                PartitionId::partitionId);
        Ipv4Prefix cidr = v.parse(at.key("cidr"), required(at, "cidr", d.cidr()), ScenarioConverter::prefix);
        String zone = required(at, "zone", d.zone());
        if (zone.isBlank()) {
            throw v.bad(at.key("zone"), Sentence.of(Problem.ZONE_EMPTY));
        }
        List<Route> routes = new ArrayList<>();
        if (d.routes() != null) {
            for (int i = 0; i < d.routes().size(); i++) {
                RouteDto r = d.routes().get(i);
                KeyPath here = at.key("routes").index(i);
                Ipv4Prefix to = v.parse(here.key("to"), required(here, "to", r.to()), ScenarioConverter::prefix);
                String via = required(here, "via", r.via());
                if (via.equals("none")) {
                    throw v.bad(here.key("via"), Sentence.of(Problem.NONE_REMOVES_ROUTE));
                }
                routes.add(new Route(to, v.parse(here.key("via"), via, RouteTarget::parse)));
            }
        }
        return new CreateSubnet(id, partition, cidr, zone, routes);
    }

    private CreateSecurityGroup group(GroupDto d, KeyPath at, Values v, boolean topology) {
        Optional<SecurityGroupId> id = v.optional(at.key("id"), topology ? required(at, "id", d.id()) : d.id(),
                SecurityGroupId::securityGroupId);
        PartitionId partition = v.parse(at.key("partition"), required(at, "partition", d.partition()),
                PartitionId::partitionId);
        List<Rule> ingress = rules(d.ingress(), at.key("ingress"), v);
        Optional<List<Rule>> egress = d.egress() == null ? Optional.empty() : Optional.of(rules(d.egress(), at.key("egress"), v));
        return new CreateSecurityGroup(id, partition, or(d.description(), ""), ingress, egress);
    }

    private List<Rule> rules(List<RuleDto> list, KeyPath at, Values v) {
        List<Rule> out = new ArrayList<>();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                out.add(rule(list.get(i), at.index(i), v));
            }
        }
        return out;
    }

    private Rule rule(RuleDto d, KeyPath at, Values v) {
        Protocol protocol = v.parse(at.key("protocol"), required(at, "protocol", d.protocol()), Protocol::parse);
        PortSet ports = d.ports() == null ? null : ports(d.ports(), at.key("ports"), v);
        RulePeer peer = v.parse(at.key("peer"), required(at, "peer", d.peer()), ScenarioConverter::peer);
        return new Rule(protocol, ports, peer);
    }

    private PortSet ports(JsonNode node, KeyPath at, Values v) {
        if (node.isIntegralNumber()) {
            return v.parse(at, node.asText(), PortSet::parse);
        }
        if (node.isTextual()) {
            return v.parse(at, node.textValue(), PortSet::parse);
        }
        if (node.isArray() && !node.isEmpty()) {
            List<PortRange> ranges = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isIntegralNumber() && !item.isTextual()) {
                    throw doc.error(at.index(i), Sentence.of(Problem.EXPECTED_PORT, doc.kindAt(at.index(i))));
                }
                ranges.addAll(v.parse(at.index(i), item.asText(), PortSet::parse).ranges());
            }
            return new PortSet(ranges);
        }
        throw doc.error(at, Sentence.of(Problem.EXPECTED_PORTS, doc.kindAt(at)));
    }

    private AddPlatform platform(PlatformDto d, KeyPath at, Values v) {
        PlatformId id = v.parse(at.key("id"), required(at, "id", d.id()), PlatformId::platformId);
        String zone = required(at, "zone", d.zone());
        if (zone.isBlank()) {
            throw v.bad(at.key("zone"), Sentence.of(Problem.ZONE_EMPTY));
        }
        int capacity = or(d.capacity(), DEFAULT_CAPACITY);
        List<NicSpec> nics = new ArrayList<>();
        List<NicDto> list = requiredValue(at, "nics", d.nics());
        for (int i = 0; i < list.size(); i++) {
            NicDto n = list.get(i);
            KeyPath here = at.key("nics").index(i);
            NicId nic = v.parse(here.key("id"), required(here, "id", n.id()), NicId::nicId);
            Optional<MacAddress> mac = v.optional(here.key("mac"), n.mac(), MacAddress::parse);
            boolean up = n.state() == null || v.parse(here.key("state"), n.state(), ScenarioConverter::upDown);
            nics.add(new NicSpec(nic, mac, up));
        }
        return new AddPlatform(id, zone, capacity, nics);
    }

    /**
     * Parses a CIDR prefix. {@code Ipv4Prefix.parse} refuses a zero length ("/0": the address
     * library reads it as a leading zero), so the default route is built here.
     */
    static Ipv4Prefix prefix(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.endsWith("/0") && !trimmed.endsWith("//0")) {
            return new Ipv4Prefix(Ipv4Address.parse(trimmed.substring(0, trimmed.length() - 2)), 0);
        }
        return Ipv4Prefix.parse(trimmed);
    }

    /** Parses a rule peer: a CIDR prefix (see {@link #prefix}) or a security group id. */
    static RulePeer peer(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0))) {
            return RulePeer.of(prefix(trimmed));
        }
        return RulePeer.parse(trimmed);
    }

    static boolean upDown(String text) {
        return switch (text) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new IllegalArgumentException(Sentence.of(Problem.NOT_A_NIC_STATE, text).english());
        };
    }

    private Launch instance(InstanceDto d, KeyPath at, Values v, boolean topology) {
        Optional<InstanceId> id = v.optional(at.key("id"), topology ? required(at, "id", d.id()) : d.id(),
                InstanceId::instanceId);
        Optional<PrincipalId> owner = v.optional(at.key("owner"), d.owner(), PrincipalId::principalId);
        String type = required(at, "type", d.type());
        if (type.isBlank()) {
            throw v.bad(at.key("type"), Sentence.of(Problem.INSTANCE_TYPE_EMPTY));
        }
        String zone = required(at, "zone", d.zone());
        if (zone.isBlank()) {
            throw v.bad(at.key("zone"), Sentence.of(Problem.ZONE_EMPTY));
        }
        Optional<PlatformId> platform = v.optional(at.key("platform"), d.platform(), PlatformId::platformId);
        InstanceState state = d.state() == null ? InstanceState.PENDING
                : v.parse(at.key("state"), d.state(), ScenarioConverter::launchState);
        List<InterfaceSpec> interfaces = new ArrayList<>();
        if (d.interfaces() != null) {
            for (int i = 0; i < d.interfaces().size(); i++) {
                interfaces.add(iface(d.interfaces().get(i), at.key("interfaces").index(i), v, topology, true));
            }
        }
        return new Launch(id, owner, type, zone, platform, state, interfaces, or(d.tags(), Map.of()));
    }

    static InstanceState launchState(String text) {
        return switch (text) {
            case "pending" -> InstanceState.PENDING;
            case "running" -> InstanceState.RUNNING;
            case "stopped" -> InstanceState.STOPPED;
            default -> throw new IllegalArgumentException(Sentence.of(Problem.NOT_A_LAUNCH_STATE, text).english());
        };
    }

    private InterfaceSpec iface(InterfaceDto d, KeyPath at, Values v, boolean topology, boolean ofInstance) {
        Optional<InterfaceId> id = v.optional(at.key("id"), topology ? required(at, "id", d.id()) : d.id(),
                InterfaceId::interfaceId);
        if (!ofInstance && d.deleteOnTermination() != null) {
            throw doc.error(at.key("deleteOnTermination"), Sentence.of(Problem.DELETE_ON_TERMINATION_OF_INSTANCE));
        }
        Optional<PrincipalId> owner = v.optional(at.key("owner"), d.owner(), PrincipalId::principalId);
        SubnetId subnet = v.parse(at.key("subnet"), required(at, "subnet", d.subnet()), SubnetId::subnetId);
        OptionalInt vlan = OptionalInt.empty();
        if (d.vlan() != null) {
            if (d.vlan() < 1 || d.vlan() > 4094) {
                throw v.bad(at.key("vlan"), Sentence.of(Problem.VLAN_OUT_OF_RANGE, d.vlan()));
            }
            vlan = OptionalInt.of(d.vlan());
        }
        return new InterfaceSpec(id, owner, or(d.description(), ""), subnet,
                v.all(at.key("privateIps"), d.privateIps(), Ipv4Address::parse),
                v.all(at.key("publicIps"), d.publicIps(), Ipv4Address::parse),
                v.all(at.key("securityGroups"), d.securityGroups(), SecurityGroupId::securityGroupId),
                v.all(at.key("attachers"), d.attachers(), PrincipalId::principalId),
                v.all(at.key("ipSetters"), d.ipSetters(), PrincipalId::principalId),
                or(d.sourceDestCheck(), true), or(d.multiAttach(), false), or(d.requesterManaged(), false),
                or(d.tags(), Map.of()), vlan, or(d.deleteOnTermination(), true));
    }

    // ---- the topology ----------------------------------------------------------------------

    /** Reads the topology section and checks it: every id unique per kind, every reference resolved. */
    private final class TopologyReader {
        private final Set<PrincipalId> principals = new LinkedHashSet<>();
        private final Map<PartitionId, CreatePartition> partitions = new LinkedHashMap<>();
        private final Map<SubnetId, CreateSubnet> subnets = new LinkedHashMap<>();
        private final Map<SecurityGroupId, PartitionId> groups = new HashMap<>();
        private final Map<SecurityGroupId, KeyPath> defaultGroups = new HashMap<>();
        private final Map<PlatformId, AddPlatform> platforms = new LinkedHashMap<>();
        private final Map<NicId, KeyPath> nics = new HashMap<>();
        private final Map<PlatformId, Integer> placed = new HashMap<>();
        private final Map<InterfaceId, PartitionId> interfaces = new HashMap<>();
        private final Map<PartitionId, Map<Ipv4Address, InterfaceId>> privateIps = new HashMap<>();
        private final Map<Ipv4Address, InterfaceId> publicIps = new HashMap<>();
        private final Map<Object, KeyPath> seen = new HashMap<>();

        TopologyReader(List<PrincipalId> declared) {
            principals.add(Topology.OPERATOR);
            principals.addAll(declared);
        }

        ScenarioTopology read(TopologyDto d, KeyPath at) {
            List<CreatePartition> partitionList = new ArrayList<>();
            each(d.partitions(), at.key("partitions"), (dto, here) -> partitionList.add(checkPartition(
                    partition(dto, here, strict, true), here)));
            List<CreateSubnet> subnetList = new ArrayList<>();
            each(d.subnets(), at.key("subnets"), (dto, here) -> subnetList.add(checkSubnet(
                    subnet(dto, here, strict, true), here)));
            List<CreateSecurityGroup> groupList = new ArrayList<>();
            List<KeyPath> groupPaths = new ArrayList<>();
            each(d.securityGroups(), at.key("securityGroups"), (dto, here) -> {
                groupList.add(declareGroup(group(dto, here, strict, true), here));
                groupPaths.add(here);
            });
            for (int i = 0; i < groupList.size(); i++) {
                checkRules(groupList.get(i), groupPaths.get(i));
            }
            List<AddPlatform> platformList = new ArrayList<>();
            each(d.platforms(), at.key("platforms"), (dto, here) -> platformList.add(checkPlatform(
                    platform(dto, here, strict), here)));
            List<Launch> instanceList = new ArrayList<>();
            each(d.instances(), at.key("instances"), (dto, here) -> instanceList.add(checkInstance(dto, here)));
            List<InterfaceSpec> interfaceList = new ArrayList<>();
            each(d.interfaces(), at.key("interfaces"), (dto, here) -> interfaceList.add(checkInterface(dto,
                    iface(dto, here, strict, true, false), here, null)));
            for (int i = 0; i < subnetList.size(); i++) {
                checkApplianceRoutes(subnetList.get(i), at.key("subnets").index(i));
            }
            return new ScenarioTopology(partitionList, subnetList, groupList, platformList, instanceList, interfaceList);
        }

        private <T> void each(List<T> list, KeyPath at, java.util.function.BiConsumer<T, KeyPath> action) {
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    action.accept(list.get(i), at.index(i));
                }
            }
        }

        private void unique(Object id, Problem kind, KeyPath at) {
            KeyPath first = seen.putIfAbsent(id, at);
            if (first != null) {
                throw doc.error(at.key("id"), Sentence.of(Problem.DUPLICATE_ID, Sentence.of(kind), id, first));
            }
        }

        private void principal(PrincipalId id, KeyPath at) {
            if (!principals.contains(id)) {
                throw doc.error(at, Sentence.of(Problem.UNKNOWN_PRINCIPAL, id));
            }
        }

        private CreatePartition checkPartition(CreatePartition p, KeyPath at) {
            PartitionId id = p.id().orElseThrow();
            unique(id, Problem.OBJECT_PARTITION, at);
            p.owner().ifPresent(o -> principal(o, at.key("owner")));
            if (p.cidr().length() < 16 || p.cidr().length() > 28) {
                throw doc.error(at.key("cidr"), Sentence.of(Problem.PARTITION_CIDR_SIZE, p.cidr().length()));
            }
            SecurityGroupId defaultGroup = ScenarioTopology.defaultGroupOf(p);
            KeyPath other = defaultGroups.putIfAbsent(defaultGroup, at);
            if (other != null) {
                throw doc.error(p.defaultGroup().isPresent() ? at.key("defaultGroup") : at.key("id"),
                        Sentence.of(Problem.DEFAULT_GROUP_TAKEN, defaultGroup, other));
            }
            groups.put(defaultGroup, id);
            partitions.put(id, p);
            return p;
        }

        private CreatePartition partitionOf(PartitionId id, KeyPath at) {
            CreatePartition p = partitions.get(id);
            if (p == null) {
                throw doc.error(at, Sentence.of(Problem.UNKNOWN_PARTITION, id));
            }
            return p;
        }

        private CreateSubnet checkSubnet(CreateSubnet s, KeyPath at) {
            SubnetId id = s.id().orElseThrow();
            unique(id, Problem.OBJECT_SUBNET, at);
            CreatePartition p = partitionOf(s.partition(), at.key("partition"));
            if (!p.cidr().contains(s.cidr())) {
                throw doc.error(at.key("cidr"),
                        Sentence.of(Problem.SUBNET_OUTSIDE_PARTITION, s.cidr(), s.partition(), p.cidr()));
            }
            for (CreateSubnet sibling : subnets.values()) {
                if (sibling.partition().equals(s.partition()) && sibling.cidr().overlaps(s.cidr())) {
                    throw doc.error(at.key("cidr"), Sentence.of(Problem.SUBNET_OVERLAPS, s.cidr(), sibling.id().orElseThrow(),
                            sibling.cidr()));
                }
            }
            Set<Ipv4Prefix> destinations = new java.util.HashSet<>();
            for (int i = 0; i < s.routes().size(); i++) {
                Route route = s.routes().get(i);
                KeyPath here = at.key("routes").index(i);
                if (route.to().equals(p.cidr())) {
                    throw doc.error(here.key("to"), Sentence.of(Problem.LOCAL_ROUTE_IMPLICIT));
                }
                if (route.via().kind() == RouteTarget.Kind.LOCAL) {
                    throw doc.error(here.key("via"), Sentence.of(Problem.ONLY_OWN_CIDR_LOCAL));
                }
                if (!destinations.add(route.to())) {
                    throw doc.error(here.key("to"), Sentence.of(Problem.SECOND_ROUTE, route.to()));
                }
            }
            subnets.put(id, s);
            return s;
        }

        private CreateSecurityGroup declareGroup(CreateSecurityGroup g, KeyPath at) {
            SecurityGroupId id = g.id().orElseThrow();
            unique(id, Problem.OBJECT_SECURITY_GROUP, at);
            partitionOf(g.partition(), at.key("partition"));
            PartitionId owner = groups.get(id);
            if (owner != null && !owner.equals(g.partition())) {
                throw doc.error(at.key("partition"), Sentence.of(Problem.IS_DEFAULT_GROUP_OF, id, owner));
            }
            groups.put(id, g.partition());
            return g;
        }

        private void checkRules(CreateSecurityGroup g, KeyPath at) {
            checkPeers(g.ingress(), g.partition(), at.key("ingress"));
            g.egress().ifPresent(rules -> checkPeers(rules, g.partition(), at.key("egress")));
        }

        private void checkPeers(List<Rule> rules, PartitionId partition, KeyPath at) {
            for (int i = 0; i < rules.size(); i++) {
                SecurityGroupId peer = rules.get(i).peer().group();
                if (peer == null) {
                    continue;
                }
                PartitionId peerPartition = groups.get(peer);
                if (peerPartition == null) {
                    throw doc.error(at.index(i).key("peer"), Sentence.of(Problem.UNKNOWN_SECURITY_GROUP, peer));
                }
                if (!peerPartition.equals(partition)) {
                    throw doc.error(at.index(i).key("peer"), Sentence.of(Problem.GROUP_IN_OTHER_PARTITION, peer,
                            peerPartition, partition));
                }
            }
        }

        private AddPlatform checkPlatform(AddPlatform p, KeyPath at) {
            unique(p.id(), Problem.OBJECT_PLATFORM, at);
            if (p.capacity() < 1) {
                throw doc.error(at.key("capacity"), Sentence.of(Problem.CAPACITY_AT_LEAST_ONE));
            }
            if (p.nics().isEmpty()) {
                throw doc.error(at.key("nics"), Sentence.of(Problem.PLATFORM_NEEDS_NIC));
            }
            for (int i = 0; i < p.nics().size(); i++) {
                KeyPath first = nics.putIfAbsent(p.nics().get(i).id(), at.key("nics").index(i));
                if (first != null) {
                    throw doc.error(at.key("nics").index(i).key("id"), Sentence.of(Problem.DUPLICATE_NIC,
                            p.nics().get(i).id(), first));
                }
            }
            platforms.put(p.id(), p);
            return p;
        }

        private Launch checkInstance(InstanceDto dto, KeyPath at) {
            Launch l = instance(dto, at, strict, true);
            unique(l.id().orElseThrow(), Problem.OBJECT_INSTANCE, at);
            l.owner().ifPresent(o -> principal(o, at.key("owner")));
            if (l.platform().isPresent()) {
                AddPlatform platform = platforms.get(l.platform().get());
                if (platform == null) {
                    throw doc.error(at.key("platform"), Sentence.of(Problem.UNKNOWN_PLATFORM, l.platform().get()));
                }
                if (!platform.zone().equals(l.zone())) {
                    throw doc.error(at.key("platform"), Sentence.of(Problem.PLATFORM_IN_OTHER_ZONE, platform.id(),
                            platform.zone(), l.zone()));
                }
                int count = placed.merge(platform.id(), 1, Integer::sum);
                if (count > platform.capacity()) {
                    throw doc.error(at.key("platform"), Sentence.of(Problem.PLATFORM_FULL, platform.id(),
                            platform.capacity()));
                }
            }
            if (l.interfaces().isEmpty()) {
                throw doc.error(dto.interfaces() == null ? at : at.key("interfaces"),
                        Sentence.of(Problem.INSTANCE_NEEDS_INTERFACE));
            }
            var limits = org.viflab.model.InstanceType.limitsOf(l.type());
            if (l.interfaces().size() > limits.maxInterfaces()) {
                throw doc.error(at.key("interfaces"), Sentence.of(Problem.TOO_MANY_INTERFACES, l.type(),
                        limits.maxInterfaces()));
            }
            List<InterfaceSpec> resolved = new ArrayList<>();
            for (int i = 0; i < l.interfaces().size(); i++) {
                KeyPath here = at.key("interfaces").index(i);
                InterfaceSpec spec = checkInterface(dto.interfaces().get(i), l.interfaces().get(i), here, l);
                if (spec.privateIps().size() > limits.maxIpsPerInterface()) {
                    throw doc.error(here.key("privateIps"), Sentence.of(Problem.TOO_MANY_ADDRESSES, l.type(),
                            limits.maxIpsPerInterface()));
                }
                resolved.add(spec);
            }
            return new Launch(l.id(), l.owner(), l.type(), l.zone(), l.platform(), l.state(), resolved, l.tags());
        }

        private InterfaceSpec checkInterface(InterfaceDto dto, InterfaceSpec spec, KeyPath at, Launch instance) {
            InterfaceId id = spec.id().orElseThrow();
            unique(id, Problem.OBJECT_INTERFACE, at);
            spec.owner().ifPresent(o -> principal(o, at.key("owner")));
            CreateSubnet subnet = subnets.get(spec.subnet());
            if (subnet == null) {
                throw doc.error(at.key("subnet"), Sentence.of(Problem.UNKNOWN_SUBNET, spec.subnet()));
            }
            CreatePartition partition = partitions.get(subnet.partition());
            if (instance != null && !subnet.zone().equals(instance.zone())) {
                throw doc.error(at.key("subnet"), Sentence.of(Problem.SUBNET_IN_OTHER_ZONE, subnet.id().orElseThrow(),
                        subnet.zone(), instance.id().orElseThrow(), instance.zone()));
            }
            Map<Ipv4Address, InterfaceId> used = privateIps.computeIfAbsent(subnet.partition(), k -> new HashMap<>());
            for (int i = 0; i < spec.privateIps().size(); i++) {
                Ipv4Address ip = spec.privateIps().get(i);
                KeyPath here = at.key("privateIps").index(i);
                if (!subnet.cidr().contains(ip)) {
                    throw doc.error(here,
                            Sentence.of(Problem.ADDRESS_OUTSIDE_SUBNET, ip, spec.subnet(), subnet.cidr()));
                }
                long index = subnet.cidr().indexOf(ip);
                if (index <= 3 || index == subnet.cidr().size() - 1) {
                    throw doc.error(here, Sentence.of(Problem.ADDRESS_RESERVED, ip, subnet.cidr()));
                }
                InterfaceId other = used.putIfAbsent(ip, id);
                if (other != null) {
                    throw doc.error(here, Sentence.of(Problem.ADDRESS_USED, ip, other));
                }
            }
            for (int i = 0; i < spec.publicIps().size(); i++) {
                InterfaceId other = publicIps.putIfAbsent(spec.publicIps().get(i), id);
                if (other != null) {
                    throw doc.error(at.key("publicIps").index(i),
                            Sentence.of(Problem.PUBLIC_ADDRESS_HELD, spec.publicIps().get(i), other));
                }
            }
            List<SecurityGroupId> groupIds = spec.securityGroups();
            if (dto.securityGroups() == null) {
                groupIds = List.of(ScenarioTopology.defaultGroupOf(partition));
            } else if (groupIds.isEmpty() && !spec.requesterManaged()) {
                throw doc.error(at.key("securityGroups"), Sentence.of(Problem.NO_GROUPS_ONLY_REQUESTER_MANAGED));
            }
            if (groupIds.size() > 5) {
                throw doc.error(at.key("securityGroups"), Sentence.of(Problem.AT_MOST_FIVE_GROUPS));
            }
            for (int i = 0; i < spec.securityGroups().size(); i++) {
                SecurityGroupId group = spec.securityGroups().get(i);
                KeyPath here = at.key("securityGroups").index(i);
                PartitionId groupPartition = groups.get(group);
                if (groupPartition == null) {
                    throw doc.error(here, Sentence.of(Problem.UNKNOWN_SECURITY_GROUP, group));
                }
                if (!groupPartition.equals(subnet.partition())) {
                    throw doc.error(here, Sentence.of(Problem.GROUP_IN_OTHER_PARTITION, group, groupPartition,
                            subnet.partition()));
                }
                if (spec.securityGroups().subList(0, i).contains(group)) {
                    throw doc.error(here, Sentence.of(Problem.GROUP_NAMED_TWICE, group));
                }
            }
            for (int i = 0; i < spec.attachers().size(); i++) {
                principal(spec.attachers().get(i), at.key("attachers").index(i));
            }
            for (int i = 0; i < spec.ipSetters().size(); i++) {
                principal(spec.ipSetters().get(i), at.key("ipSetters").index(i));
            }
            interfaces.put(id, subnet.partition());
            return spec.withSecurityGroups(groupIds);
        }

        private void checkApplianceRoutes(CreateSubnet s, KeyPath at) {
            for (int i = 0; i < s.routes().size(); i++) {
                RouteTarget via = s.routes().get(i).via();
                if (via.kind() != RouteTarget.Kind.INTERFACE) {
                    continue;
                }
                KeyPath here = at.key("routes").index(i).key("via");
                PartitionId partition = interfaces.get(via.appliance());
                if (partition == null) {
                    throw doc.error(here, Sentence.of(Problem.UNKNOWN_ROUTE_INTERFACE, via.appliance()));
                }
                if (!partition.equals(s.partition())) {
                    throw doc.error(here, Sentence.of(Problem.INTERFACE_IN_OTHER_PARTITION, via.appliance(), partition,
                            s.partition()));
                }
            }
        }
    }

    // ---- steps -------------------------------------------------------------------------------

    /** The accessors of a step's request keys, in the record's order; looked up once. */
    private static final List<RecordComponent> REQUEST_COMPONENTS = java.util.Arrays.stream(
            StepDto.class.getRecordComponents()).filter(c -> StepDto.REQUEST_KEYS.contains(c.getName())).toList();
    private static final List<java.lang.reflect.Method> REQUEST_ACCESSORS = REQUEST_COMPONENTS.stream()
            .map(RecordComponent::getAccessor).toList();

    private Step step(StepDto d, int i, KeyPath at, Set<String> watched) {
        Map<String, Object> present = new LinkedHashMap<>(4);
        try {
            for (int k = 0; k < REQUEST_ACCESSORS.size(); k++) {
                Object value = REQUEST_ACCESSORS.get(k).invoke(d);
                if (value != null) {
                    present.put(REQUEST_COMPONENTS.get(k).getName(), value);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (present.isEmpty()) {
            throw doc.error(at, Sentence.of(Problem.STEP_NEEDS_REQUEST, String.join(", ", StepDto.REQUEST_KEYS)));
        }
        if (present.size() > 1) {
            List<String> keys = new ArrayList<>(present.keySet());
            throw doc.error(at.key(keys.get(1)), Sentence.of(Problem.STEP_HAS_MORE_REQUESTS,
                    Sentence.join(Problem.AND, keys.stream().map(Sentence::verbatim).toList())));
        }
        String key = present.keySet().iterator().next();
        Object params = present.get(key);
        KeyPath requestAt = at.key(key);
        boolean coordinatorRequest = !key.equals("trace") && !key.equals("propagate");
        if (!coordinatorRequest) {
            for (String common : List.of("as", "dryRun", "clientToken")) {
                Object value = switch (common) {
                    case "as" -> d.as();
                    case "dryRun" -> d.dryRun();
                    default -> d.clientToken();
                };
                if (value != null) {
                    throw doc.error(at.key(common), Sentence.of(Problem.COORDINATOR_REQUESTS_ONLY, common, key));
                }
            }
        }
        PrincipalId as = d.as() == null ? Topology.OPERATOR : strict.parse(at.key("as"), d.as(), PrincipalId::principalId);
        boolean dryRun = or(d.dryRun(), false);
        Optional<String> clientToken = Optional.ofNullable(d.clientToken());
        Expectations expect = d.expect() == null ? Expectations.NONE : expectations(d.expect(), at.key("expect"), key, watched);
        Step.Action action;
        Values v = new Values(at);
        try {
            if (key.equals("propagate")) {
                action = propagate((JsonNode) params, requestAt);
            } else if (key.equals("trace")) {
                action = new Step.TraceFlow(flow((FlowDto) params, requestAt, v));
            } else {
                action = new Step.Submit(new Submission(request(key, params, requestAt, v), as, dryRun, clientToken));
            }
        } catch (BadParameter e) {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) plain(doc.at(requestAt));
            action = new Step.Malformed(key, raw, as, dryRun, clientToken, e.code, e.reason);
        }
        return new Step(i + 1, doc.position(at).line(), Optional.ofNullable(d.narration()), action, expect);
    }

    private Step.Propagate propagate(JsonNode node, KeyPath at) {
        if (node.isTextual() && node.textValue().equals("all")) {
            return Step.Propagate.ALL;
        }
        if (node.isObject()) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("steps")) {
                    throw doc.error(at.key(name), Sentence.of(Problem.UNKNOWN_PROPAGATE_KEY, name));
                }
            }
            JsonNode steps = node.get("steps");
            if (steps == null) {
                throw doc.error(at, Sentence.of(Problem.MISSING_REQUIRED_KEY, "steps"));
            }
            if (!steps.canConvertToInt() || !steps.isIntegralNumber() || steps.intValue() < 1) {
                throw doc.error(at.key("steps"), Sentence.of(Problem.EXPECTED_STEP_COUNT, steps));
            }
            return new Step.Propagate(OptionalInt.of(steps.intValue()));
        }
        throw doc.error(at, Sentence.of(Problem.EXPECTED_PROPAGATE, node.isTextual()
                ? Sentence.of(Problem.QUOTED, node.textValue()) : doc.kindAt(at)));
    }

    private Request request(String key, Object params, KeyPath at, Values v) {
        return switch (key) {
            case "createPartition" -> partition((PartitionDto) params, at, v, false);
            case "deletePartition" -> new DeletePartition(v.parse(at.key("partition"),
                    required(at, "partition", ((PartitionRefDto) params).partition()), PartitionId::partitionId));
            case "createSubnet" -> subnet((SubnetDto) params, at, v, false);
            case "deleteSubnet" -> new DeleteSubnet(v.parse(at.key("subnet"),
                    required(at, "subnet", ((SubnetRefDto) params).subnet()), SubnetId::subnetId));
            case "setRoute" -> setRoute((SetRouteDto) params, at, v);
            case "createSecurityGroup" -> group((GroupDto) params, at, v, false);
            case "deleteSecurityGroup" -> new DeleteSecurityGroup(groupRef(((GroupRefDto) params).group(), at, v));
            case "authorize", "revoke" -> ruleChange(key, (RuleChangeDto) params, at, v);
            case "addPlatform" -> platform((PlatformDto) params, at, v);
            case "setNic" -> {
                SetNicDto d = (SetNicDto) params;
                yield new SetNic(v.parse(at.key("nic"), required(at, "nic", d.nic()), NicId::nicId),
                        v.parse(at.key("state"), required(at, "state", d.state()), ScenarioConverter::upDown));
            }
            case "launch" -> instance((InstanceDto) params, at, v, false);
            case "place", "move" -> {
                PlaceDto d = (PlaceDto) params;
                InstanceId instance = instanceRef(d.instance(), at, v);
                Optional<PlatformId> platform = v.optional(at.key("platform"), d.platform(), PlatformId::platformId);
                yield key.equals("place") ? new Place(instance, platform) : new Move(instance, platform);
            }
            case "start" -> new Start(instanceRef(((InstanceRefDto) params).instance(), at, v));
            case "stop" -> new Stop(instanceRef(((InstanceRefDto) params).instance(), at, v));
            case "terminate" -> new Terminate(instanceRef(((InstanceRefDto) params).instance(), at, v));
            case "createInterface" -> new CreateInterface(iface((InterfaceDto) params, at, v, false, false));
            case "deleteInterface" -> new DeleteInterface(ifaceRef(((InterfaceRefDto) params).iface(), at, v));
            case "attach" -> attach((AttachDto) params, at, v);
            case "detach" -> detach((DetachDto) params, at, v);
            case "modifyInterface" -> modify((ModifyDto) params, at, v);
            case "assignIps" -> assignIps((AssignIpsDto) params, at, v);
            case "unassignIps" -> {
                UnassignIpsDto d = (UnassignIpsDto) params;
                List<Ipv4Address> ips = v.all(at.key("privateIps"), requiredValue(at, "privateIps", d.privateIps()),
                        Ipv4Address::parse);
                if (ips.isEmpty()) {
                    throw v.bad(at.key("privateIps"), Sentence.of(Problem.NAME_AN_ADDRESS));
                }
                yield new UnassignIps(ifaceRef(d.iface(), at, v), ips);
            }
            case "associatePublicIp" -> {
                AssociateDto d = (AssociateDto) params;
                yield new AssociatePublicIp(ifaceRef(d.iface(), at, v),
                        v.parse(at.key("publicIp"), required(at, "publicIp", d.publicIp()), Ipv4Address::parse),
                        v.optional(at.key("privateIp"), d.privateIp(), Ipv4Address::parse),
                        or(d.allowReassociation(), false));
            }
            case "disassociatePublicIp" -> {
                DisassociateDto d = (DisassociateDto) params;
                yield new DisassociatePublicIp(ifaceRef(d.iface(), at, v),
                        v.parse(at.key("publicIp"), required(at, "publicIp", d.publicIp()), Ipv4Address::parse));
            }
            case "grantPermission", "revokePermission" -> {
                PermissionDto d = (PermissionDto) params;
                InterfaceId iface = ifaceRef(d.iface(), at, v);
                PrincipalId principal = v.parse(at.key("principal"), required(at, "principal", d.principal()),
                        PrincipalId::principalId);
                Permission permission = v.parse(at.key("permission"), required(at, "permission", d.permission()),
                        Permission::parse);
                yield key.equals("grantPermission") ? new GrantPermission(iface, principal, permission)
                        : new RevokePermission(iface, principal, permission);
            }
            case "describe" -> describe((DescribeDto) params, at, v);
            default -> throw new IllegalStateException("no request for key " + key);
        };
    }

    private InstanceId instanceRef(String text, KeyPath at, Values v) {
        return v.parse(at.key("instance"), required(at, "instance", text), InstanceId::instanceId);
    }

    private InterfaceId ifaceRef(String text, KeyPath at, Values v) {
        return v.parse(at.key("interface"), required(at, "interface", text), InterfaceId::interfaceId);
    }

    private SecurityGroupId groupRef(String text, KeyPath at, Values v) {
        return v.parse(at.key("group"), required(at, "group", text), SecurityGroupId::securityGroupId);
    }

    private SetRoute setRoute(SetRouteDto d, KeyPath at, Values v) {
        SubnetId subnet = v.parse(at.key("subnet"), required(at, "subnet", d.subnet()), SubnetId::subnetId);
        Ipv4Prefix to = v.parse(at.key("to"), required(at, "to", d.to()), ScenarioConverter::prefix);
        String via = required(at, "via", d.via());
        return new SetRoute(subnet, to, via.equals("none") ? Optional.empty()
                : Optional.of(v.parse(at.key("via"), via, RouteTarget::parse)));
    }

    private Request ruleChange(String key, RuleChangeDto d, KeyPath at, Values v) {
        SecurityGroupId group = groupRef(d.group(), at, v);
        Direction direction = v.parse(at.key("direction"), required(at, "direction", d.direction()), Direction::parse);
        Rule rule = rule(requiredValue(at, "rule", d.rule()), at.key("rule"), v);
        return key.equals("authorize") ? new Authorize(group, direction, rule) : new Revoke(group, direction, rule);
    }

    private Attach attach(AttachDto d, KeyPath at, Values v) {
        InterfaceId iface = ifaceRef(d.iface(), at, v);
        InstanceId instance = instanceRef(d.instance(), at, v);
        if (d.deviceIndex() != null && d.deviceIndex() < 0) {
            throw v.bad(at.key("deviceIndex"), Sentence.of(Problem.DEVICE_INDEX_NEGATIVE));
        }
        return new Attach(iface, instance, d.deviceIndex() == null ? OptionalInt.empty() : OptionalInt.of(d.deviceIndex()),
                or(d.deleteOnTermination(), false), v.optional(at.key("id"), d.id(), AttachmentId::attachmentId));
    }

    private Detach detach(DetachDto d, KeyPath at, Values v) {
        Optional<InterfaceId> iface = v.optional(at.key("interface"), d.iface(), InterfaceId::interfaceId);
        Optional<AttachmentId> attachment = v.optional(at.key("attachment"), d.attachment(), AttachmentId::attachmentId);
        Optional<InstanceId> instance = v.optional(at.key("instance"), d.instance(), InstanceId::instanceId);
        int named = (iface.isPresent() ? 1 : 0) + (attachment.isPresent() ? 1 : 0) + (instance.isPresent() ? 1 : 0);
        if (named != 1) {
            throw v.combination(at, Sentence.of(Problem.DETACH_NAMES_ONE));
        }
        return new Detach(iface, attachment, instance, or(d.force(), false));
    }

    private Request modify(ModifyDto d, KeyPath at, Values v) {
        boolean interfaceFields = d.description() != null || d.securityGroups() != null
                || d.sourceDestCheck() != null || d.multiAttach() != null;
        if (d.attachment() != null) {
            if (d.iface() != null || interfaceFields) {
                throw v.combination(at, Sentence.of(Problem.MODIFY_EITHER));
            }
            if (d.deleteOnTermination() == null) {
                throw v.combination(at, Sentence.of(Problem.ATTACHMENT_ONLY_DELETE_ON_TERMINATION));
            }
            return new ModifyAttachment(v.parse(at.key("attachment"), d.attachment(), AttachmentId::attachmentId),
                    d.deleteOnTermination());
        }
        if (d.iface() == null) {
            throw doc.error(at, Sentence.of(Problem.MISSING_INTERFACE_OR_ATTACHMENT));
        }
        if (d.deleteOnTermination() != null) {
            throw v.combination(at.key("deleteOnTermination"), Sentence.of(Problem.DELETE_ON_TERMINATION_OF_ATTACHMENT));
        }
        if (!interfaceFields) {
            throw v.combination(at, Sentence.of(Problem.NAME_A_FIELD));
        }
        return new ModifyInterface(ifaceRef(d.iface(), at, v), Optional.ofNullable(d.description()),
                d.securityGroups() == null ? Optional.empty()
                        : Optional.of(v.all(at.key("securityGroups"), d.securityGroups(), SecurityGroupId::securityGroupId)),
                Optional.ofNullable(d.sourceDestCheck()), Optional.ofNullable(d.multiAttach()));
    }

    private AssignIps assignIps(AssignIpsDto d, KeyPath at, Values v) {
        InterfaceId iface = ifaceRef(d.iface(), at, v);
        if ((d.privateIps() == null) == (d.count() == null)) {
            throw v.combination(at, Sentence.of(Problem.ASSIGN_IPS_OR_COUNT));
        }
        if (d.count() != null) {
            if (d.count() < 1) {
                throw v.bad(at.key("count"), Sentence.of(Problem.ASSIGN_AT_LEAST_ONE, d.count()));
            }
            return new AssignIps(iface, List.of(), d.count(), or(d.allowReassignment(), false));
        }
        List<Ipv4Address> ips = v.all(at.key("privateIps"), d.privateIps(), Ipv4Address::parse);
        if (ips.isEmpty()) {
            throw v.bad(at.key("privateIps"), Sentence.of(Problem.NAME_AN_ADDRESS));
        }
        return new AssignIps(iface, ips, 0, or(d.allowReassignment(), false));
    }

    private Describe describe(DescribeDto d, KeyPath at, Values v) {
        Kind kind = v.parse(at.key("kind"), required(at, "kind", d.kind()), Kind::parse);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (d.filters() != null) {
            for (Map.Entry<String, JsonNode> entry : d.filters().entrySet()) {
                KeyPath here = at.key("filters").key(entry.getKey());
                JsonNode value = entry.getValue();
                List<String> values = new ArrayList<>();
                if (value.isValueNode()) {
                    values.add(value.asText());
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (!value.get(i).isValueNode()) {
                            throw doc.error(here.index(i), Sentence.of(Problem.EXPECTED_FILTER_VALUE, doc.kindAt(here.index(i))));
                        }
                        values.add(value.get(i).asText());
                    }
                } else {
                    throw doc.error(here, Sentence.of(Problem.EXPECTED_VALUE_LIST, doc.kindAt(here)));
                }
                filters.put(entry.getKey(), values);
            }
        }
        return new Describe(kind, or(d.ids(), List.of()), filters);
    }

    // ---- expectations ------------------------------------------------------------------------

    private Expectations expectations(ExpectDto e, KeyPath at, String key, Set<String> watched) {
        boolean trace = key.equals("trace");
        Optional<ErrorCode> error = Optional.empty();
        if (e.error() != null) {
            error = Optional.of(ErrorCode.fromCode(e.error()).orElseThrow(() -> doc.error(at.key("error"),
                    Sentence.of(Problem.UNKNOWN_ERROR_CODE, e.error(), Suggestions.didYouMean(e.error(),
                            java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList())))));
        }
        if (Boolean.TRUE.equals(e.ok()) && error.isPresent()) {
            throw doc.error(at.key("ok"), Sentence.of(Problem.OK_CONTRADICTS_ERROR));
        }
        Map<String, Set<InstanceId>> lands = new LinkedHashMap<>();
        if (e.lands() != null) {
            for (Map.Entry<String, JsonNode> entry : e.lands().entrySet()) {
                KeyPath here = at.key("lands").key(entry.getKey());
                watchedFlow(entry.getKey(), here, watched);
                lands.put(entry.getKey(), landing(entry.getValue(), here));
            }
        }
        Map<String, String> dispositions = new LinkedHashMap<>();
        Optional<String> disposition = Optional.empty();
        if (e.disposition() != null) {
            JsonNode node = e.disposition();
            KeyPath here = at.key("disposition");
            if (node.isTextual()) {
                if (!trace) {
                    throw doc.error(here, Sentence.of(Problem.SINGLE_DISPOSITION_FOR_TRACE));
                }
                disposition = Optional.of(disposition(node.textValue(), here));
            } else if (node.isObject()) {
                var fields = node.fields();
                while (fields.hasNext()) {
                    var entry = fields.next();
                    KeyPath flowAt = here.key(entry.getKey());
                    watchedFlow(entry.getKey(), flowAt, watched);
                    if (!entry.getValue().isTextual()) {
                        throw doc.error(flowAt, Sentence.of(Problem.EXPECTED_DISPOSITION, doc.kindAt(flowAt)));
                    }
                    dispositions.put(entry.getKey(), disposition(entry.getValue().textValue(), flowAt));
                }
            } else {
                throw doc.error(here, Sentence.of(Problem.EXPECTED_DISPOSITIONS, doc.kindAt(here)));
            }
        }
        for (String traceKey : List.of("deliveredTo", "path", "deniedBy", "exitsTo")) {
            Object value = switch (traceKey) {
                case "deliveredTo" -> e.deliveredTo();
                case "path" -> e.path();
                case "deniedBy" -> e.deniedBy();
                default -> e.exitsTo();
            };
            if (value != null && !trace) {
                throw doc.error(at.key(traceKey), Sentence.of(Problem.TRACE_STEP_ONLY, traceKey));
            }
        }
        if (e.ids() != null && !key.equals("describe")) {
            throw doc.error(at.key("ids"), Sentence.of(Problem.DESCRIBE_STEP_ONLY, "ids"));
        }
        Optional<InstanceId> deliveredTo = strict.optional(at.key("deliveredTo"), e.deliveredTo(), InstanceId::instanceId);
        Optional<List<InterfaceId>> path = e.path() == null ? Optional.empty()
                : Optional.of(strict.all(at.key("path"), e.path(), InterfaceId::interfaceId));
        Optional<SecurityGroupId> deniedBy = strict.optional(at.key("deniedBy"), e.deniedBy(), SecurityGroupId::securityGroupId);
        Optional<Expectations.ExitTarget> exitsTo = strict.optional(at.key("exitsTo"), e.exitsTo(),
                Expectations.ExitTarget::parse);
        Optional<Set<String>> ids = e.ids() == null ? Optional.empty() : Optional.of(distinct(e.ids(), at.key("ids")));
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        if (e.fields() != null) {
            e.fields().forEach((id, values) -> {
                Map<String, Object> plainValues = new LinkedHashMap<>();
                values.forEach((field, value) -> plainValues.put(field, plain(value)));
                fields.put(id, plainValues);
            });
        }
        Optional<List<String>> configOps = Optional.empty();
        if (e.configOps() != null) {
            for (int i = 0; i < e.configOps().size(); i++) {
                if (e.configOps().get(i).strip().split("\\s+").length != 2) {
                    throw doc.error(at.key("configOps").index(i), Sentence.of(Problem.CONFIG_OP_SHAPE));
                }
            }
            configOps = Optional.of(e.configOps().stream().map(s -> String.join(" ", s.strip().split("\\s+"))).toList());
        }
        Optional<Set<String>> changed = Optional.empty();
        if (e.changed() != null) {
            for (int i = 0; i < e.changed().size(); i++) {
                watchedFlow(e.changed().get(i), at.key("changed").index(i), watched);
            }
            changed = Optional.of(distinct(e.changed(), at.key("changed")));
        }
        Map<SubnetId, Long> available = new LinkedHashMap<>();
        if (e.available() != null) {
            for (Map.Entry<String, Long> entry : e.available().entrySet()) {
                KeyPath here = at.key("available").key(entry.getKey());
                if (entry.getValue() < 0) {
                    throw doc.error(here, Sentence.of(Problem.FREE_ADDRESSES_NEGATIVE));
                }
                available.put(strict.parse(here, entry.getKey(), SubnetId::subnetId), entry.getValue());
            }
        }
        return new Expectations(error, Optional.ofNullable(e.ok()), lands, dispositions, disposition, deliveredTo, path,
                deniedBy, exitsTo, ids, fields, configOps, changed, available);
    }

    private void watchedFlow(String name, KeyPath at, Set<String> watched) {
        if (!watched.contains(name)) {
            throw doc.error(at, Sentence.of(Problem.UNKNOWN_WATCHED_FLOW, name, Suggestions.didYouMean(name, watched)));
        }
    }

    private Set<InstanceId> landing(JsonNode node, KeyPath at) {
        Set<InstanceId> out = new LinkedHashSet<>();
        if (node.isTextual()) {
            if (!node.textValue().equals("nowhere")) {
                out.add(strict.parse(at, node.textValue(), InstanceId::instanceId));
            }
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw doc.error(at.index(i), Sentence.of(Problem.EXPECTED_INSTANCE_ID, doc.kindAt(at.index(i))));
                }
                if (!out.add(strict.parse(at.index(i), node.get(i).textValue(), InstanceId::instanceId))) {
                    throw doc.error(at.index(i), Sentence.of(Problem.INSTANCE_NAMED_TWICE, node.get(i).textValue()));
                }
            }
            return out;
        }
        throw doc.error(at, Sentence.of(Problem.EXPECTED_LANDING, doc.kindAt(at)));
    }

    private String disposition(String text, KeyPath at) {
        if (!Expectations.DISPOSITIONS.contains(text)) {
            throw doc.error(at, Sentence.of(Problem.NOT_A_DISPOSITION, text, String.join(", ", Expectations.DISPOSITIONS)));
        }
        return text;
    }

    private Set<String> distinct(List<String> values, KeyPath at) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!out.add(values.get(i))) {
                throw doc.error(at.index(i), Sentence.of(Problem.NAMED_TWICE, values.get(i)));
            }
        }
        return out;
    }

    /** A tree value as plain Java: text, Long (or BigInteger), Double, Boolean, lists and maps of them. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(plain(item)));
            return Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
        return Collections.unmodifiableMap(out);
    }
}
