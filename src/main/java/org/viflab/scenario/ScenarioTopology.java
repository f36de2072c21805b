package org.viflab.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.Direction;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.coordinator.Submission;
import org.viflab.model.Partition;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.SecurityGroupId;

/**
 * A scenario's starting topology, section by section as the file has it, each entry already the
 * request that creates it. Ids are always present. An interface's {@code securityGroups} are
 * explicit: an omitted list was resolved to its partition's default group when read (an explicit
 * empty list stays empty: only a requester-managed record may have no groups).
 *
 * <p>A security-group entry whose id is a partition's default group gives that group's rules
 * (the coordinator redefines the default group instead of creating one).
 *
 * @param interfaces free-standing interface records (not attached); their {@code deleteOnTermination},
 *                   meaningless for a record created on its own, is always {@code true}
 */
public record ScenarioTopology(List<CreatePartition> partitions, List<CreateSubnet> subnets,
                               List<CreateSecurityGroup> securityGroups, List<AddPlatform> platforms,
                               List<Launch> instances, List<InterfaceSpec> interfaces) {

    public static final ScenarioTopology EMPTY =
            new ScenarioTopology(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public ScenarioTopology {
        partitions = List.copyOf(partitions);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        platforms = List.copyOf(platforms);
        instances = List.copyOf(instances);
        // deleteOnTermination means nothing for a record created on its own: keep one value.
        interfaces = interfaces.stream().map(i -> i.withDeleteOnTermination(true)).toList();
        partitions.forEach(p -> requireId(p.id(), "partition"));
        subnets.forEach(s -> requireId(s.id(), "subnet"));
        securityGroups.forEach(g -> requireId(g.id(), "security group"));
        instances.forEach(l -> {
            requireId(l.id(), "instance");
            l.interfaces().forEach(i -> requireId(i.id(), "interface"));
        });
        interfaces.forEach(i -> requireId(i.id(), "interface"));
    }

    private static void requireId(Optional<?> id, String kind) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("every " + kind + " of a scenario topology has an id");
        }
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** The default group of each partition: named, or {@code <partition>-default}. */
    public Set<SecurityGroupId> defaultGroups() {
        Set<SecurityGroupId> out = new HashSet<>();
        for (CreatePartition p : partitions) {
            out.add(defaultGroupOf(p));
        }
        return out;
    }

    static SecurityGroupId defaultGroupOf(CreatePartition p) {
        return p.defaultGroup().orElseGet(() -> Partition.defaultGroupOf(p.id().orElseThrow()));
    }

    /**
     * The requests that build this topology, in an order the coordinator accepts: partitions,
     * subnets, security groups, platforms, instances (launched with their interfaces), free
     * interfaces; then what had to wait for an object created later: rules whose peer group comes
     * later in the file ({@code authorize}) and routes via an interface ({@code setRoute}).
     */
    public List<Submission> submissions() {
        List<Submission> out = new ArrayList<>();
        List<SetRoute> laterRoutes = new ArrayList<>();
        List<Authorize> laterRules = new ArrayList<>();
        for (CreatePartition p : partitions) {
            out.add(Submission.of(p));
        }
        for (CreateSubnet s : subnets) {
            List<Route> now = new ArrayList<>();
            for (Route route : s.routes()) {
                if (route.via().kind() == RouteTarget.Kind.INTERFACE) {
                    laterRoutes.add(new SetRoute(s.id().orElseThrow(), route.to(), Optional.of(route.via())));
                } else {
                    now.add(route);
                }
            }
            out.add(Submission.of(new CreateSubnet(s.id(), s.partition(), s.cidr(), s.zone(), now)));
        }
        Set<SecurityGroupId> existing = defaultGroups();
        for (CreateSecurityGroup g : securityGroups) {
            SecurityGroupId id = g.id().orElseThrow();
            List<Rule> ingress = rulesNow(g.ingress(), id, existing, Direction.INGRESS, laterRules);
            Optional<List<Rule>> egress = g.egress().map(rules -> rulesNow(rules, id, existing, Direction.EGRESS, laterRules));
            out.add(Submission.of(new CreateSecurityGroup(g.id(), g.partition(), g.description(), ingress, egress)));
            existing.add(id);
        }
        for (AddPlatform p : platforms) {
            out.add(Submission.of(p));
        }
        for (Launch l : instances) {
            out.add(Submission.of(l));
        }
        for (InterfaceSpec i : interfaces) {
            out.add(Submission.of(new CreateInterface(i)));
        }
        laterRules.forEach(r -> out.add(Submission.of(r)));
        laterRoutes.forEach(r -> out.add(Submission.of(r)));
        return List.copyOf(out);
    }

    private static List<Rule> rulesNow(List<Rule> rules, SecurityGroupId self, Set<SecurityGroupId> existing,
                                       Direction direction, List<Authorize> later) {
        List<Rule> now = new ArrayList<>();
        for (Rule rule : rules) {
            SecurityGroupId peer = rule.peer().group();
            if (peer != null && !peer.equals(self) && !existing.contains(peer)) {
                later.add(new Authorize(self, direction, rule));
            } else {
                now.add(rule);
            }
        }
        return now;
    }

    /** Every interface of the topology: those launched with instances, then the free ones. */
    public List<InterfaceSpec> allInterfaces() {
        List<InterfaceSpec> all = new ArrayList<>();
        instances.forEach(l -> all.addAll(l.interfaces()));
        all.addAll(interfaces);
        return all;
    }
}
