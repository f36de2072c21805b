package org.viflab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.InterfaceSpec;
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
import org.viflab.flow.Flow;
import org.viflab.model.Id;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.Rule;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.PortSet;
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
import org.viflab.scenario.FileFormat.OptionsDto;
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
import org.viflab.scenario.FileFormat.SubnetDto;
import org.viflab.scenario.FileFormat.SubnetRefDto;
import org.viflab.scenario.FileFormat.TopologyDto;
import org.viflab.scenario.FileFormat.UnassignIpsDto;
import org.viflab.scenario.FileFormat.VpnDto;
import org.viflab.scenario.FileFormat.WatchDto;

/**
 * Writes scenarios as YAML (or JSON), keys in the order of scenario-format.md's example, defaults
 * left out: {@code ScenarioReader.parse(name, write(s))} equals {@code s} for every scenario.
 *
 * <p>{@link #write(Topology, String)} saves a lab as a scenario (see {@link LabSnapshot} for what
 * is kept and how attachments are written).
 */
public final class ScenarioWriter {

    private ScenarioWriter() {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The scenario as YAML. */
    public static String write(Scenario scenario) {
        return serialize(Mappers.YAML_WRITER, scenario);
    }

    /** The scenario as JSON (the same keys as the YAML form). */
    public static String writeJson(Scenario scenario) {
        return serialize(Mappers.JSON_WRITER, scenario);
    }

    /**
     * Writes the scenario to {@code file}: JSON for a {@code .json} name, YAML otherwise. The file
     * is replaced in one move ({@link AtomicFile}): if the write fails, a file already there is
     * left as it was.
     */
    public static void write(Scenario scenario, Path file) {
        String text = SourceDocument.Format.ofName(file.toString()) == SourceDocument.Format.JSON
                ? writeJson(scenario) : write(scenario);
        try {
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The lab {@code topology} saved as a scenario titled {@code title}, as YAML. */
    public static String write(Topology topology, String title) {
        return write(LabSnapshot.scenarioOf(topology, title));
    }

    /** The lab {@code topology} with its watched flows saved as a scenario titled {@code title}, as YAML. */
    public static String write(Topology topology, String title, Map<String, Flow> watched) {
        return write(LabSnapshot.scenarioOf(topology, title, watched));
    }

    private static String serialize(ObjectMapper mapper, Scenario scenario) {
        try {
            return mapper.writeValueAsString(tree(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario '" + scenario.title() + "'", e);
        }
    }

    // ---- model → file shape -------------------------------------------------------------------

    static ObjectNode tree(Scenario s) {
        ScenarioDto dto = new ScenarioDto(s.title(), s.description().orElse(null),
                s.principals().isEmpty() ? null : ids(s.principals()),
                s.propagation() == Propagation.INSTANT ? null : new OptionsDto(s.propagation().toString()),
                s.topology().isEmpty() ? null : topology(s.topology()),
                s.watch().isEmpty() ? null : watch(s.watch()), null);
        ObjectNode root = Mappers.YAML_WRITER.valueToTree(dto);
        if (!s.steps().isEmpty()) {
            ArrayNode steps = root.putArray("steps");
            s.steps().forEach(step -> steps.add(step(step)));
        }
        return root;
    }

    private static List<String> ids(List<? extends Id> ids) {
        return ids.stream().map(Id::value).toList();
    }

    private static <T> List<T> orNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static <K, V> Map<K, V> orNull(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static Boolean flag(boolean value, boolean byDefault) {
        return value == byDefault ? null : value;
    }

    private static TopologyDto topology(ScenarioTopology t) {
        Map<SubnetId, SecurityGroupId> defaultGroupBySubnet = new LinkedHashMap<>();
        Map<Object, SecurityGroupId> defaultGroupByPartition = new LinkedHashMap<>();
        t.partitions().forEach(p -> defaultGroupByPartition.put(p.id().orElseThrow(), ScenarioTopology.defaultGroupOf(p)));
        t.subnets().forEach(s -> defaultGroupBySubnet.put(s.id().orElseThrow(), defaultGroupByPartition.get(s.partition())));
        return new TopologyDto(
                orNull(t.partitions().stream().map(ScenarioWriter::partition).toList()),
                orNull(t.subnets().stream().map(ScenarioWriter::subnet).toList()),
                orNull(t.securityGroups().stream().map(ScenarioWriter::group).toList()),
                orNull(t.platforms().stream().map(ScenarioWriter::platform).toList()),
                orNull(t.instances().stream().map(l -> instance(l, defaultGroupBySubnet)).toList()),
                orNull(t.interfaces().stream().map(i -> iface(i, false, defaultGroupBySubnet)).toList()));
    }

    private static PartitionDto partition(CreatePartition p) {
        return new PartitionDto(text(p.id()), text(p.owner()), p.cidr().toString(), flag(p.internetGateway(), false),
                p.vpnOnPremises().map(v -> new VpnDto(v.toString())).orElse(null), text(p.defaultGroup()));
    }

    private static SubnetDto subnet(CreateSubnet s) {
        return new SubnetDto(text(s.id()), s.partition().value(), s.cidr().toString(), s.zone(),
                orNull(s.routes().stream().map(r -> new RouteDto(r.to().toString(), r.via().toString())).toList()));
    }

    private static GroupDto group(CreateSecurityGroup g) {
        return new GroupDto(text(g.id()), g.partition().value(), orNull(g.description()),
                orNull(g.ingress().stream().map(ScenarioWriter::rule).toList()),
                g.egress().map(rules -> rules.stream().map(ScenarioWriter::rule).toList()).orElse(null));
    }

    private static RuleDto rule(Rule r) {
        return new RuleDto(r.protocol().toString(), ports(r.ports()), r.peer().toString());
    }

    private static JsonNode ports(PortSet ports) {
        if (ports.isAll()) {
            return null;
        }
        if (ports.ranges().size() == 1 && ports.ranges().get(0).from() == ports.ranges().get(0).to()) {
            return NODES.numberNode(ports.ranges().get(0).from());
        }
        return NODES.textNode(ports.toString());
    }

    private static PlatformDto platform(AddPlatform p) {
        return new PlatformDto(p.id().value(), p.zone(),
                p.capacity() == ScenarioConverter.DEFAULT_CAPACITY ? null : p.capacity(),
                p.nics().stream().map(ScenarioWriter::nic).toList());
    }

    private static NicDto nic(NicSpec n) {
        return new NicDto(n.id().value(), text(n.mac()), n.up() ? null : "down");
    }

    private static InstanceDto instance(Launch l, Map<SubnetId, SecurityGroupId> defaultGroups) {
        return new InstanceDto(text(l.id()), text(l.owner()), l.type(), l.zone(), text(l.platform()),
                l.state() == InstanceState.PENDING ? null : l.state().toString(),
                orNull(l.interfaces().stream().map(i -> iface(i, true, defaultGroups)).toList()), orNull(l.tags()));
    }

    /**
     * An interface record. {@code defaultGroups} (topology only) gives each subnet's default group:
     * a record with exactly that group omits the key, which reads back as the default.
     */
    private static InterfaceDto iface(InterfaceSpec i, boolean ofInstance, Map<SubnetId, SecurityGroupId> defaultGroups) {
        List<String> groups;
        if (defaultGroups == null) {
            groups = orNull(ids(i.securityGroups()));
        } else {
            SecurityGroupId byDefault = defaultGroups.get(i.subnet());
            groups = i.securityGroups().equals(byDefault == null ? null : List.of(byDefault)) ? null : ids(i.securityGroups());
        }
        return new InterfaceDto(text(i.id()), text(i.owner()), orNull(i.description()), i.subnet().value(),
                orNull(i.privateIps().stream().map(Object::toString).toList()),
                orNull(i.publicIps().stream().map(Object::toString).toList()), groups,
                orNull(ids(i.attachers())), orNull(ids(i.ipSetters())), flag(i.sourceDestCheck(), true),
                flag(i.multiAttach(), false), flag(i.requesterManaged(), false), orNull(i.tags()),
                i.vlan().isPresent() ? i.vlan().getAsInt() : null,
                ofInstance ? flag(i.deleteOnTermination(), true) : null);
    }

    private static List<WatchDto> watch(Map<String, Flow> watch) {
        List<WatchDto> out = new ArrayList<>();
        watch.forEach((name, f) -> {
            FlowDto d = flow(f);
            out.add(new WatchDto(name, d.from(), d.to(), d.protocol(), d.port(), d.srcPort()));
        });
        return out;
    }

    private static FlowDto flow(Flow f) {
        return new FlowDto(NODES.textNode(f.from().toString()), NODES.textNode(f.to().toString()),
                f.protocol().toString(), f.port() == 0 ? null : f.port(),
                f.srcPort().isPresent() ? f.srcPort().getAsInt() : null);
    }

    // ---- steps --------------------------------------------------------------------------------

    private static ObjectNode step(Step step) {
        ObjectNode out = NODES.objectNode();
        step.narration().ifPresent(n -> out.put("narration", n));
        Step.Action action = step.action();
        if (action instanceof Step.Submit submit) {
            Submission s = submit.submission();
            out.set(action.key(), Mappers.YAML_WRITER.valueToTree(parameters(s.request())));
            common(out, s.as(), s.dryRun(), s.clientToken());
        } else if (action instanceof Step.TraceFlow trace) {
            out.set("trace", Mappers.YAML_WRITER.valueToTree(flow(trace.flow())));
        } else if (action instanceof Step.Propagate propagate) {
            out.set("propagate", propagate.steps().isPresent()
                    ? NODES.objectNode().put("steps", propagate.steps().getAsInt()) : NODES.textNode("all"));
        } else if (action instanceof Step.Malformed malformed) {
            out.set(malformed.key(), Mappers.YAML_WRITER.valueToTree(malformed.parameters()));
            common(out, malformed.as(), malformed.dryRun(), malformed.clientToken());
        }
        if (!step.expect().isEmpty()) {
            out.set("expect", Mappers.YAML_WRITER.valueToTree(expect(step.expect())));
        }
        return out;
    }

    private static void common(ObjectNode out, org.viflab.model.PrincipalId as, boolean dryRun, Optional<String> token) {
        if (!as.equals(Topology.OPERATOR)) {
            out.put("as", as.value());
        }
        if (dryRun) {
            out.put("dryRun", true);
        }
        token.ifPresent(t -> out.put("clientToken", t));
    }

    /** The parameters mapping of a step sending {@code request}. */
    static Object parameters(Request r) {
        if (r instanceof CreatePartition p) {
            return partition(p);
        } else if (r instanceof DeletePartition p) {
            return new PartitionRefDto(p.partition().value());
        } else if (r instanceof CreateSubnet s) {
            return subnet(s);
        } else if (r instanceof DeleteSubnet s) {
            return new SubnetRefDto(s.subnet().value());
        } else if (r instanceof SetRoute s) {
            return new SetRouteDto(s.subnet().value(), s.to().toString(), s.via().map(Object::toString).orElse("none"));
        } else if (r instanceof CreateSecurityGroup g) {
            return group(g);
        } else if (r instanceof DeleteSecurityGroup g) {
            return new GroupRefDto(g.group().value());
        } else if (r instanceof Authorize a) {
            return new RuleChangeDto(a.group().value(), a.direction().toString(), rule(a.rule()));
        } else if (r instanceof Revoke a) {
            return new RuleChangeDto(a.group().value(), a.direction().toString(), rule(a.rule()));
        } else if (r instanceof AddPlatform p) {
            return platform(p);
        } else if (r instanceof SetNic n) {
            return new SetNicDto(n.nic().value(), n.up() ? "up" : "down");
        } else if (r instanceof Launch l) {
            return instance(l, null);
        } else if (r instanceof Place p) {
            return new PlaceDto(p.instance().value(), text(p.platform()));
        } else if (r instanceof Move m) {
            return new PlaceDto(m.instance().value(), text(m.platform()));
        } else if (r instanceof Start s) {
            return new InstanceRefDto(s.instance().value());
        } else if (r instanceof Stop s) {
            return new InstanceRefDto(s.instance().value());
        } else if (r instanceof Terminate s) {
            return new InstanceRefDto(s.instance().value());
        } else if (r instanceof CreateInterface c) {
            return iface(c.spec(), false, null);
        } else if (r instanceof DeleteInterface d) {
            return new InterfaceRefDto(d.iface().value());
        } else if (r instanceof Attach a) {
            return new AttachDto(a.iface().value(), a.instance().value(),
                    a.deviceIndex().isPresent() ? a.deviceIndex().getAsInt() : null,
                    flag(a.deleteOnTermination(), false), text(a.id()));
        } else if (r instanceof Detach d) {
            return new DetachDto(text(d.iface()), text(d.attachment()), text(d.instance()), flag(d.force(), false));
        } else if (r instanceof ModifyInterface m) {
            return new ModifyDto(m.iface().value(), m.description().orElse(null),
                    m.securityGroups().map(ScenarioWriter::ids).orElse(null), m.sourceDestCheck().orElse(null),
                    m.multiAttach().orElse(null), null, null);
        } else if (r instanceof ModifyAttachment m) {
            return new ModifyDto(null, null, null, null, null, m.attachment().value(), m.deleteOnTermination());
        } else if (r instanceof AssignIps a) {
            boolean named = !a.privateIps().isEmpty();
            return new AssignIpsDto(a.iface().value(), named ? a.privateIps().stream().map(Object::toString).toList() : null,
                    named ? null : a.count(), flag(a.allowReassignment(), false));
        } else if (r instanceof UnassignIps u) {
            return new UnassignIpsDto(u.iface().value(), u.privateIps().stream().map(Object::toString).toList());
        } else if (r instanceof AssociatePublicIp a) {
            return new AssociateDto(a.iface().value(), a.publicIp().toString(), text(a.privateIp()),
                    flag(a.allowReassociation(), false));
        } else if (r instanceof DisassociatePublicIp d) {
            return new DisassociateDto(d.iface().value(), d.publicIp().toString());
        } else if (r instanceof GrantPermission g) {
            return new PermissionDto(g.iface().value(), g.principal().value(), g.permission().toString());
        } else if (r instanceof RevokePermission g) {
            return new PermissionDto(g.iface().value(), g.principal().value(), g.permission().toString());
        } else if (r instanceof Describe d) {
            Map<String, JsonNode> filters = new LinkedHashMap<>();
            d.filters().forEach((name, values) -> {
                ArrayNode list = NODES.arrayNode();
                values.forEach(list::add);
                filters.put(name, list);
            });
            return new DescribeDto(d.kind().toString(), orNull(d.ids()), orNull(filters));
        }
        throw new IllegalArgumentException(r.getClass().getSimpleName() + " cannot be a scenario step");
    }

    private static ExpectDto expect(Expectations e) {
        Map<String, JsonNode> lands = new LinkedHashMap<>();
        e.lands().forEach((flow, instances) -> lands.put(flow, landing(instances)));
        JsonNode disposition = null;
        if (e.disposition().isPresent()) {
            disposition = NODES.textNode(e.disposition().get());
        } else if (!e.dispositions().isEmpty()) {
            ObjectNode map = NODES.objectNode();
            e.dispositions().forEach(map::put);
            disposition = map;
        }
        Map<String, Map<String, JsonNode>> fields = new LinkedHashMap<>();
        e.fields().forEach((id, values) -> {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            values.forEach((field, value) -> out.put(field, Mappers.YAML_WRITER.valueToTree(value)));
            fields.put(id, out);
        });
        Map<String, Long> available = new LinkedHashMap<>();
        e.available().forEach((subnet, count) -> available.put(subnet.value(), count));
        return new ExpectDto(e.error().map(c -> c.code()).orElse(null), e.ok().orElse(null), orNull(lands), disposition,
                text(e.deliveredTo()), e.path().map(ScenarioWriter::ids).orElse(null), text(e.deniedBy()),
                text(e.exitsTo()), e.ids().map(List::copyOf).orElse(null), orNull(fields),
                e.configOps().orElse(null), e.changed().map(List::copyOf).orElse(null), orNull(available));
    }

    private static JsonNode landing(Set<InstanceId> instances) {
        if (instances.isEmpty()) {
            return NODES.textNode("nowhere");
        }
        if (instances.size() == 1 && !instances.iterator().next().value().equals("nowhere")) {
            return NODES.textNode(instances.iterator().next().value());
        }
        ArrayNode list = NODES.arrayNode();
        instances.forEach(i -> list.add(i.value()));
        return list;
    }
}
