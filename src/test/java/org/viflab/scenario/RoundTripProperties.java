package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.PrincipalId;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.PortRange;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/** Writing any scenario and reading the text back gives an equal scenario, in YAML and in JSON. */
class RoundTripProperties {

    private static final Scenario BASE = ScenarioReader.read(Resources.path("scenario/move-interface.yaml"));

    @Property(tries = 100)
    void yamlAndJsonRoundTrip(@ForAll("scenarios") Scenario s) {
        assertThat(ScenarioReader.parse("p.yaml", ScenarioWriter.write(s))).isEqualTo(s);
        assertThat(ScenarioReader.parse("p.json", ScenarioWriter.writeJson(s))).isEqualTo(s);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Step.Action>> actions = action().list().ofMaxSize(12);
        Arbitrary<List<Optional<String>>> narrations = text().optional().list().ofSize(12);
        Arbitrary<List<Expectations>> expectations = expectations().list().ofSize(12);
        return Combinators.combine(text().filter(t -> !t.isBlank()), text().optional(), actions, narrations,
                expectations, tags()).as((title, description, acts, texts, expects, tags) -> {
                    List<Step> steps = new ArrayList<>();
                    for (int i = 0; i < acts.size(); i++) {
                        Step.Action a = acts.get(i);
                        Expectations e = fit(expects.get(i), a);
                        steps.add(new Step(i + 1, 0, texts.get(i), a, e));
                    }
                    ScenarioTopology t = BASE.topology();
                    List<InterfaceSpec> free = t.interfaces().stream().map(spec -> spec.withTags(tags)
                            .withDescription(title)).toList();
                    ScenarioTopology topology = new ScenarioTopology(t.partitions(), t.subnets(), t.securityGroups(),
                            t.platforms(), t.instances(), free);
                    return new Scenario(title, description, BASE.principals(), Propagation.STEPWISE, topology,
                            BASE.watch(), steps);
                });
    }

    /** Drops the expectations a step of this kind may not have. */
    private static Expectations fit(Expectations e, Step.Action action) {
        boolean trace = action instanceof Step.TraceFlow;
        boolean describe = action instanceof Step.Submit s && s.submission().request() instanceof Request.Describe;
        Optional<ErrorCode> error = e.ok().orElse(false) ? Optional.empty() : e.error();
        return new Expectations(error, e.ok(), e.lands(), trace && e.disposition().isPresent() ? Map.of() : e.dispositions(),
                trace ? e.disposition() : Optional.empty(), trace ? e.deliveredTo() : Optional.empty(),
                trace ? e.path() : Optional.empty(), trace ? e.deniedBy() : Optional.empty(),
                trace ? e.exitsTo() : Optional.empty(), describe ? e.ids() : Optional.empty(), e.fields(),
                e.configOps(), e.changed(), e.available());
    }

    // ---- values ------------------------------------------------------------------------------

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'é', 'ü', '→', '中', '\u00a0')
                .ofMaxLength(24);
    }

    private static Arbitrary<String> id(String prefix) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '.', '_', ':')
                .ofMinLength(1).ofMaxLength(8).map(s -> prefix + s);
    }

    private static Arbitrary<Ipv4Address> ip() {
        return Arbitraries.integers().map(Ipv4Address::new);
    }

    private static Arbitrary<Ipv4Prefix> prefix() {
        return Combinators.combine(ip(), Arbitraries.integers().between(0, 32)).as(Ipv4Prefix::new);
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Arbitraries.maps(text().filter(k -> !k.isEmpty()), text()).ofMaxSize(4);
    }

    private static Arbitrary<Rule> rule() {
        Arbitrary<PortSet> ports = Combinators.combine(Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(0, 200)).as((from, span) -> new PortRange(from, Math.min(65535, from + span)))
                .list().ofMinSize(1).ofMaxSize(3).map(PortSet::new).injectNull(0.3);
        Arbitrary<RulePeer> peer = Arbitraries.oneOf(prefix().map(RulePeer::of),
                id("sg-").map(SecurityGroupId::securityGroupId).map(RulePeer::of));
        return Combinators.combine(Arbitraries.of(Protocol.class), ports, peer).as(Rule::new);
    }

    private static Arbitrary<Flow> flow() {
        Arbitrary<Endpoint> end = Arbitraries.oneOf(id("vm-").map(Endpoint::object), ip().map(Endpoint::address),
                Arbitraries.just(Endpoint.internet()), ip().map(Endpoint::internet),
                // Endpoint's text form vpn:<partition>[:<ip>] cannot hold a partition id with a colon.
                id("vpc-").filter(p -> p.indexOf(':') < 0).map(p -> Endpoint.vpn(org.viflab.model.PartitionId.partitionId(p))));
        return Combinators.combine(end, end, Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP),
                Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(0, 65535).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty())))
                .as(Flow::new);
    }

    private static Arbitrary<InterfaceSpec> spec() {
        return Combinators.combine(id("vif-").map(InterfaceId::interfaceId).optional(), text(), ip().list().ofMaxSize(3),
                id("sg-").map(SecurityGroupId::securityGroupId).list().ofMaxSize(3),
                id("p-").map(PrincipalId::principalId).list().ofMaxSize(2), Arbitraries.of(true, false).list().ofSize(4),
                tags(), Arbitraries.integers().between(1, 4094).optional())
                .as((id, description, ips, groups, people, flags, tags, vlan) -> new InterfaceSpec(id,
                        people.isEmpty() ? Optional.empty() : Optional.of(people.get(0)), description,
                        SubnetId.subnetId("web"), ips, ips.isEmpty() ? List.of() : List.of(ips.get(0)), groups, people,
                        people, flags.get(0), flags.get(1), flags.get(2), tags,
                        vlan.map(OptionalInt::of).orElse(OptionalInt.empty()), flags.get(3)));
    }

    private static Arbitrary<Step.Action> action() {
        Arbitrary<InterfaceId> iface = id("vif-").map(InterfaceId::interfaceId);
        Arbitrary<InstanceId> instance = id("vm-").map(InstanceId::instanceId);
        Arbitrary<PrincipalId> as = Arbitraries.of("operator", "alice", "bob").map(PrincipalId::principalId);
        Arbitrary<Request> request = Arbitraries.oneOf(
                Combinators.combine(iface, instance, Arbitraries.integers().between(0, 14).optional(),
                        Arbitraries.of(true, false), id("attach-").map(AttachmentId::attachmentId).optional())
                        .as((i, vm, device, dot, attachmentId) -> new Request.Attach(i, vm,
                                device.map(OptionalInt::of).orElse(OptionalInt.empty()), dot, attachmentId)),
                iface.map(Request.Detach::interfaceOf),
                instance.map(Request.Detach::allFrom).map(Request.Detach::forced),
                Combinators.combine(iface, ip().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
                        .as((i, ips, re) -> new Request.AssignIps(i, ips, 0, re)),
                Combinators.combine(iface, Arbitraries.integers().between(1, 9)).as((i, n) -> new Request.AssignIps(i, List.of(), n, false)),
                Combinators.combine(id("s-").map(SubnetId::subnetId), prefix(),
                        Arbitraries.oneOf(Arbitraries.of(RouteTarget.INTERNET, RouteTarget.VPN, RouteTarget.BLACKHOLE),
                                iface.map(RouteTarget::appliance)).optional()).as(Request.SetRoute::new),
                Combinators.combine(id("sg-").map(SecurityGroupId::securityGroupId), Arbitraries.of(Request.Direction.class), rule())
                        .as(Request.Authorize::new),
                Combinators.combine(Arbitraries.of(Request.Kind.class), id("x-").list().ofMaxSize(3),
                        Arbitraries.maps(text().filter(k -> !k.isEmpty()), text().list().ofMinSize(1).ofMaxSize(3)).ofMaxSize(3))
                        .as(Request.Describe::new),
                spec().map(Request.CreateInterface::new),
                Combinators.combine(instance.optional(), as.optional(), text().filter(t -> !t.isBlank()),
                        spec().list().ofMaxSize(3), tags(), Arbitraries.of(InstanceState.PENDING, InstanceState.RUNNING,
                                InstanceState.STOPPED)).as((vm, owner, type, specs, tags, state) -> new Request.Launch(vm,
                                owner, type, "zone-1", Optional.empty(), state, specs, tags)),
                Combinators.combine(iface, text().optional(), id("sg-").map(SecurityGroupId::securityGroupId).list()
                        .ofMaxSize(2).optional(), Arbitraries.of(true, false).optional())
                        .as((i, d, g, c) -> new Request.ModifyInterface(i, d.or(() -> Optional.of("")), g, c, Optional.empty())),
                Combinators.combine(iface, ip(), ip().optional(), Arbitraries.of(true, false))
                        .as(Request.AssociatePublicIp::new));
        Arbitrary<Step.Action> submit = Combinators.combine(request, as, Arbitraries.of(true, false),
                text().optional()).as((r, who, dry, token) -> new Step.Submit(new Submission(r, who, dry, token)));
        return Arbitraries.oneOf(submit, submit, submit, flow().map(Step.TraceFlow::new),
                Arbitraries.integers().between(1, 50).optional().map(n -> new Step.Propagate(
                        n.map(OptionalInt::of).orElse(OptionalInt.empty()))));
    }

    private static Arbitrary<Object> plain(int depth) {
        List<Arbitrary<?>> leaves = List.of(text(), Arbitraries.longs(), Arbitraries.of(true, false),
                Arbitraries.doubles().between(-1e12, 1e12).ofScale(3));
        Arbitrary<Object> leaf = Arbitraries.oneOf(leaves.stream().map(a -> a.map(v -> (Object) v)).toList());
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, leaf, plain(depth - 1).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(id("f"), plain(depth - 1)).ofMaxSize(3).map(m -> (Object) m));
    }

    private static Arbitrary<Expectations> expectations() {
        Set<String> watched = BASE.watch().keySet();
        Arbitrary<Set<InstanceId>> landing = id("vm-").map(InstanceId::instanceId).set().ofMaxSize(3);
        Arbitrary<String> disposition = Arbitraries.of(Expectations.DISPOSITIONS);
        Arbitrary<Map<String, Set<InstanceId>>> lands = landing.optional()
                .map(o -> o.map(l -> Map.of(watched.iterator().next(), l)).orElse(Map.of()));
        Arbitrary<Map<String, Map<String, Object>>> fields = Arbitraries.maps(id("o-"),
                Arbitraries.maps(id("f"), plain(2)).ofMaxSize(3)).ofMaxSize(2);
        Arbitrary<List<String>> configOps = Combinators.combine(id("hypervisor@"), Arbitraries.of("plug", "unplug", "map"))
                .as((t, a) -> t + " " + a).list().ofMaxSize(3);
        return Combinators.combine(objects(
                Arbitraries.of(ErrorCode.class).optional(), Arbitraries.of(true, false).optional(), lands,
                disposition.optional(), disposition.optional(), id("vm-").map(InstanceId::instanceId).optional(),
                id("vif-").map(InterfaceId::interfaceId).list().ofMaxSize(3).optional(),
                id("sg-").map(SecurityGroupId::securityGroupId).optional(),
                Arbitraries.of(Expectations.ExitTarget.class).optional(),
                id("x").set().ofMaxSize(3).optional(), fields, configOps.optional(),
                Arbitraries.of(true, false).optional(),
                Arbitraries.maps(id("s-").map(SubnetId::subnetId), Arbitraries.longs().between(0, 1 << 24)).ofMaxSize(2)))
                .as(values -> {
                    @SuppressWarnings("unchecked")
                    Optional<String> perFlow = (Optional<String>) values.get(3);
                    @SuppressWarnings("unchecked")
                    Optional<Boolean> changedAny = (Optional<Boolean>) values.get(12);
                    Map<String, String> dispositions = new LinkedHashMap<>();
                    perFlow.ifPresent(d -> dispositions.put(watched.iterator().next(), d));
                    Optional<Set<String>> changed = changedAny.map(c -> c ? new LinkedHashSet<>(watched) : Set.of());
                    return expect(values, dispositions, changed);
                });
    }

    private static List<Arbitrary<Object>> objects(Arbitrary<?>... arbitraries) {
        List<Arbitrary<Object>> out = new ArrayList<>();
        for (Arbitrary<?> a : arbitraries) {
            out.add(a.map(v -> (Object) v));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Expectations expect(List<Object> v, Map<String, String> dispositions, Optional<Set<String>> changed) {
        Optional<String> single = (Optional<String>) v.get(4);
        return new Expectations((Optional<ErrorCode>) v.get(0), (Optional<Boolean>) v.get(1),
                (Map<String, Set<InstanceId>>) v.get(2), single.isPresent() ? Map.of() : dispositions, single,
                (Optional<InstanceId>) v.get(5), (Optional<List<InterfaceId>>) v.get(6), (Optional<SecurityGroupId>) v.get(7),
                (Optional<Expectations.ExitTarget>) v.get(8), (Optional<Set<String>>) v.get(9),
                (Map<String, Map<String, Object>>) v.get(10), (Optional<List<String>>) v.get(11), changed,
                (Map<SubnetId, Long>) v.get(13));
    }
}
