package org.viflab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.NicSpec;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
import org.viflab.flow.FlowResolver;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PrincipalId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Topology;
import org.viflab.net.Protocol;

/**
 * A lab's state as a scenario that rebuilds it ("save the current lab as a scenario").
 *
 * <p>The topology holds the principals, partitions, subnets with their routes, security groups
 * (a default group only when its rules were changed), platforms with their NICs (and MACs),
 * instances that are not terminated, and interface records. Each instance is launched with its
 * device-0 record (with that attachment's delete-on-termination); every other record is a free
 * topology interface, and each attachment other than a device 0 becomes an {@code attach} step
 * that keeps its attachment id, device index and delete-on-termination (a multi-attach record
 * attached to several instances therefore needs nothing special). A public address mapped to a
 * secondary private address becomes an {@code associatePublicIp} step.
 *
 * <p>The lab's watched flows are kept as the scenario's {@code watch} list, but for those it
 * could not watch from its start (see {@link #scenarioOf(Topology, String, Map)}).
 *
 * <p>Not kept: monitoring counters, billing principals (they follow the owner), the ids of device-0
 * attachments (launch generates them) and who made each attachment (the steps act as
 * {@code operator}).
 */
public final class LabSnapshot {

    private LabSnapshot() {
    }

    /** The scenario that rebuilds {@code topology}, titled {@code title}. */
    public static Scenario scenarioOf(Topology topology, String title) {
        return scenarioOf(topology, title, Map.of());
    }

    /**
     * The scenario that rebuilds {@code topology}, titled {@code title}, watching {@code watch}
     * (by name, in order). A flow the scenario could not watch from its start is left out: one
     * whose endpoint is gone (a deleted record, a terminated instance) or is an instance that gets
     * its first interface only in a step.
     */
    public static Scenario scenarioOf(Topology topology, String title, Map<String, Flow> watch) {
        List<PrincipalId> principals = topology.principals().stream().filter(p -> !p.equals(Topology.OPERATOR)).toList();
        List<CreatePartition> partitions = new ArrayList<>();
        for (Partition p : topology.partitions().values()) {
            Optional<org.viflab.model.SecurityGroupId> named = p.defaultGroup().equals(Partition.defaultGroupOf(p.id()))
                    ? Optional.empty() : Optional.of(p.defaultGroup());
            partitions.add(new CreatePartition(Optional.of(p.id()), Optional.of(p.owner()), p.cidr(), p.internetGateway(),
                    p.vpnOnPremises(), named));
        }
        List<CreateSubnet> subnets = topology.subnets().values().stream()
                .map(s -> new CreateSubnet(Optional.of(s.id()), s.partition(), s.cidr(), s.zone(), s.routes())).toList();
        List<CreateSecurityGroup> groups = new ArrayList<>();
        for (SecurityGroup g : topology.securityGroups().values()) {
            Partition partition = topology.partitions().get(g.partition());
            boolean isDefault = partition != null && partition.defaultGroup().equals(g.id());
            if (isDefault && g.ingress().equals(List.of(new Rule(Protocol.ALL, null, RulePeer.of(g.id()))))
                    && g.egress().equals(SecurityGroup.allowAllEgress())) {
                continue;
            }
            Optional<List<Rule>> egress = g.egress().equals(SecurityGroup.allowAllEgress())
                    ? Optional.empty() : Optional.of(g.egress());
            groups.add(new CreateSecurityGroup(Optional.of(g.id()), g.partition(), g.description(), g.ingress(), egress));
        }
        List<AddPlatform> platforms = new ArrayList<>();
        for (ServicePlatform p : topology.platforms().values()) {
            platforms.add(new AddPlatform(p.id(), p.zone(), p.capacity(),
                    p.nics().stream().map(n -> new NicSpec(n.id(), Optional.of(n.mac()), n.up())).toList()));
        }

        Map<InterfaceId, Attachment> home = new HashMap<>();
        Map<ResourceInstance, Attachment> deviceZero = new LinkedHashMap<>();
        for (ResourceInstance instance : topology.instances().values()) {
            if (instance.state() == InstanceState.TERMINATED) {
                continue;
            }
            Optional<Attachment> first = topology.attachmentAt(instance.id(), 0);
            first.ifPresent(a -> {
                home.putIfAbsent(a.iface(), a);
                deviceZero.put(instance, a);
            });
            if (first.isEmpty()) {
                deviceZero.put(instance, null);
            }
        }
        List<Launch> instances = new ArrayList<>();
        deviceZero.forEach((instance, attachment) -> {
            List<InterfaceSpec> specs = new ArrayList<>();
            if (attachment != null && home.get(attachment.iface()) == attachment) {
                InterfaceRecord record = topology.interfaces().get(attachment.iface());
                InterfaceSpec spec = spec(record).withDeleteOnTermination(attachment.deleteOnTermination());
                // launch gives its interfaces the instance's owner unless they name another
                if (record.owner().equals(instance.owner())) {
                    spec = new InterfaceSpec(spec.id(), Optional.empty(), spec.description(), spec.subnet(),
                            spec.privateIps(), spec.publicIps(), spec.securityGroups(), spec.attachers(), spec.ipSetters(),
                            spec.sourceDestCheck(), spec.multiAttach(), spec.requesterManaged(), spec.tags(), spec.vlan(),
                            spec.deleteOnTermination());
                }
                specs.add(spec);
            }
            instances.add(new Launch(Optional.of(instance.id()), Optional.of(instance.owner()), instance.type(),
                    instance.zone(), instance.platform(), instance.state(), specs, instance.tags()));
        });
        List<InterfaceSpec> free = new ArrayList<>();
        List<Submission> later = new ArrayList<>();
        for (InterfaceRecord record : topology.interfaces().values()) {
            if (!home.containsKey(record.id())) {
                free.add(spec(record));
            }
        }
        for (Attachment a : topology.attachments().values()) {
            ResourceInstance instance = topology.instances().get(a.instance());
            if (home.get(a.iface()) == a || instance == null || instance.state() == InstanceState.TERMINATED) {
                continue;
            }
            later.add(Submission.of(new Attach(a.iface(), a.instance(), OptionalInt.of(a.deviceIndex()),
                    a.deleteOnTermination(), Optional.of(a.id()))));
        }
        for (InterfaceRecord record : topology.interfaces().values()) {
            for (PublicAddress pub : record.publicIps()) {
                if (!pub.privateIp().equals(record.primaryIp())) {
                    later.add(Submission.of(new AssociatePublicIp(record.id(), pub.publicIp(), Optional.of(pub.privateIp()),
                            false)));
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Submission s : later) {
            String narration = s.request() instanceof Attach a
                    ? "Attach " + a.iface() + " to " + a.instance() + " at device " + a.deviceIndex().getAsInt()
                    + " (attachment " + a.id().orElseThrow() + ")."
                    : "Map a public address to a secondary address: " + s.request().describe() + ".";
            steps.add(new Step(steps.size() + 1, 0, Optional.of(narration), new Step.Submit(s), Expectations.NONE));
        }
        Set<String> withInterface = new HashSet<>();
        deviceZero.forEach((instance, attachment) -> {
            if (attachment != null && home.get(attachment.iface()) == attachment) {
                withInterface.add(instance.id().value());
            }
        });
        Map<String, Flow> watched = new LinkedHashMap<>();
        watch.forEach((name, flow) -> {
            if (watchableFromTheStart(topology, flow, withInterface)) {
                watched.put(name, flow);
            }
        });
        return new Scenario(title, Optional.empty(), principals, Propagation.INSTANT,
                new ScenarioTopology(partitions, subnets, groups, platforms, instances, free), watched, steps);
    }

    /** Whether the flow resolves now and each instance it names is launched with an interface. */
    private static boolean watchableFromTheStart(Topology topology, Flow flow, Set<String> withInterface) {
        try {
            FlowResolver.resolve(topology, flow);
        } catch (IllegalArgumentException gone) {
            return false;
        }
        for (Endpoint end : List.of(flow.from(), flow.to())) {
            if (end.kind() == Endpoint.Kind.OBJECT && !withInterface.contains(end.objectId())
                    && topology.instances().keySet().stream().anyMatch(id -> id.value().equals(end.objectId()))) {
                return false;
            }
        }
        return true;
    }

    /** The request that recreates {@code record} (public addresses on the primary only). */
    static InterfaceSpec spec(InterfaceRecord record) {
        List<org.viflab.net.Ipv4Address> publics = record.publicIps().stream()
                .filter(p -> p.privateIp().equals(record.primaryIp())).map(PublicAddress::publicIp).toList();
        return new InterfaceSpec(Optional.of(record.id()), Optional.of(record.owner()), record.description(),
                record.subnet(), record.privateIps(), publics, record.securityGroups(), List.copyOf(record.attachers()),
                List.copyOf(record.ipSetters()), record.sourceDestCheck(), record.multiAttach(), record.requesterManaged(),
                record.tags(), record.vlan(), true);
    }
}
