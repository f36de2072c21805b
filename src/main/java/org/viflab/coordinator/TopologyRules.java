package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.DEPENDENCY_VIOLATION;
import static org.viflab.coordinator.ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE;
import static org.viflab.coordinator.ErrorCode.INVALID_SUBNET_CONFLICT;
import static org.viflab.coordinator.ErrorCode.INVALID_SUBNET_RANGE;
import static org.viflab.coordinator.ErrorCode.INVALID_VPC_RANGE;
import static org.viflab.coordinator.ErrorCode.OPERATION_NOT_PERMITTED;
import static org.viflab.coordinator.Lookup.reject;
import static org.viflab.coordinator.Rejection.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.DeletePartition;
import org.viflab.coordinator.Request.DeleteSecurityGroup;
import org.viflab.coordinator.Request.DeleteSubnet;
import org.viflab.coordinator.Request.Direction;
import org.viflab.coordinator.Request.NicSpec;
import org.viflab.coordinator.Request.Revoke;
import org.viflab.coordinator.Request.SetNic;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.model.ConfigOperation.GroupOp;
import org.viflab.model.ConfigOperation.NicOp;
import org.viflab.model.ConfigOperation.PartitionOp;
import org.viflab.model.ConfigOperation.PlatformOp;
import org.viflab.model.ConfigOperation.RouterOp;
import org.viflab.model.NicId;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PrincipalId;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.Protocol;

/** Principals, partitions, subnets and routes, security groups, platforms and their NICs. */
final class TopologyRules {

    private TopologyRules() {
    }

    static void createPrincipal(Change c, CreatePrincipal r) {
        Lookup.operatorOnly(c.as, OPERATOR_CREATES_PRINCIPALS);
        if (c.before.principals().contains(r.id())) {
            throw reject(INVALID_PARAMETER_VALUE, PRINCIPAL_ALREADY_EXISTS, r.id());
        }
        c.next.putPrincipal(r.id());
        c.createdId = Optional.of(r.id().value());
    }

    static void createPartition(Change c, CreatePartition r) {
        Topology t = c.before;
        PrincipalId owner = r.owner().orElse(c.as);
        Lookup.knownPrincipal(t, owner);
        Lookup.ownerOrOperator(c.as, owner, Sentence.of(WHAT_PARTITION_FOR, owner));
        if (r.cidr().length() < 16 || r.cidr().length() > 28) {
            throw reject(INVALID_VPC_RANGE, CIDR_INVALID_PARTITION_BETWEEN, r.cidr());
        }
        PartitionId id = r.id().orElseGet(() -> PartitionId.partitionId(
                c.generateId("vpc", s -> t.partitions().containsKey(PartitionId.partitionId(s)))));
        if (t.partitions().containsKey(id)) {
            throw reject(INVALID_PARAMETER_VALUE, PARTITION_ALREADY_EXISTS, id);
        }
        SecurityGroupId defaultGroup = r.defaultGroup().orElse(Partition.defaultGroupOf(id));
        if (t.securityGroups().containsKey(defaultGroup)) {
            throw reject(INVALID_PARAMETER_VALUE, SECURITY_GROUP_ALREADY_EXISTS, defaultGroup);
        }
        Partition partition = new Partition(id, owner, r.cidr(), r.internetGateway(), r.vpnOnPremises(), defaultGroup);
        SecurityGroup group = new SecurityGroup(defaultGroup, id, "default group of " + id,
                List.of(new Rule(Protocol.ALL, null, RulePeer.of(defaultGroup))), SecurityGroup.allowAllEgress());
        c.next.putPartition(partition).putSecurityGroup(group);
        c.emit(new PartitionOp(id, true, r.cidr(), r.internetGateway(), r.vpnOnPremises().orElse(null)));
        c.emit(new GroupOp(id, defaultGroup, true, group.ingress(), group.egress()));
        c.inverse.add(new DeletePartition(id));
        c.createdId = Optional.of(id.value());
    }

    static void deletePartition(Change c, DeletePartition r) {
        Topology t = c.before;
        Partition partition = Lookup.partition(t, r.partition());
        Lookup.ownerOrOperator(c.as, partition.owner(), Sentence.of(WHAT_PARTITION, partition.id()));
        List<Sentence> users = new ArrayList<>();
        t.subnets().values().stream().filter(s -> s.partition().equals(partition.id()))
                .forEach(s -> users.add(Sentence.of(USER_SUBNET, s.id())));
        t.securityGroups().values().stream()
                .filter(g -> g.partition().equals(partition.id()) && !g.id().equals(partition.defaultGroup()))
                .forEach(g -> users.add(Sentence.of(USER_SECURITY_GROUP, g.id())));
        if (!users.isEmpty()) {
            throw reject(DEPENDENCY_VIOLATION, PARTITION_STILL_HAS, partition.id(), Sentence.join(LIST_SEPARATOR,
                    users));
        }
        SecurityGroup defaultGroup = t.securityGroups().get(partition.defaultGroup());
        c.next.removeSecurityGroup(partition.defaultGroup()).removePartition(partition.id());
        if (defaultGroup != null) {
            c.emit(new GroupOp(partition.id(), defaultGroup.id(), false, List.of(), List.of()));
        }
        c.emit(new PartitionOp(partition.id(), false, partition.cidr(), partition.internetGateway(),
                partition.vpnOnPremises().orElse(null)));
        c.inverse.add(new CreatePartition(Optional.of(partition.id()), Optional.of(partition.owner()), partition.cidr(),
                partition.internetGateway(), partition.vpnOnPremises(), Optional.of(partition.defaultGroup())));
    }

    static void createSubnet(Change c, CreateSubnet r) {
        Topology t = c.before;
        Partition partition = Lookup.partition(t, r.partition());
        Lookup.partitionOwner(t, c.as, partition.id());
        if (r.zone().isBlank()) {
            throw reject(INVALID_PARAMETER_VALUE, SUBNET_NEEDS_ZONE);
        }
        if (!partition.cidr().contains(r.cidr())) {
            throw reject(INVALID_SUBNET_RANGE, CIDR_NOT_INSIDE_PARTITION, r.cidr(), partition.id(), partition.cidr());
        }
        if (r.cidr().length() > 28) {
            throw reject(INVALID_SUBNET_RANGE, CIDR_TOO_SMALL_SUBNET_LARGER, r.cidr());
        }
        for (Subnet sibling : t.subnets().values()) {
            if (sibling.partition().equals(partition.id()) && sibling.cidr().overlaps(r.cidr())) {
                throw reject(INVALID_SUBNET_CONFLICT, CIDR_OVERLAPS_SUBNET, r.cidr(), sibling.id(), sibling.cidr());
            }
        }
        SubnetId id = r.id().orElseGet(() -> SubnetId.subnetId(
                c.generateId("subnet", s -> t.subnets().containsKey(SubnetId.subnetId(s)))));
        if (t.subnets().containsKey(id)) {
            throw reject(INVALID_PARAMETER_VALUE, SUBNET_ALREADY_EXISTS, id);
        }
        List<Route> routes = new ArrayList<>();
        for (Route route : r.routes()) {
            checkRoute(t, partition, id, route.to(), route.via());
            if (routes.stream().anyMatch(existing -> existing.to().equals(route.to()))) {
                throw reject(INVALID_PARAMETER_VALUE, SUBNET_NAMES_ROUTE_TWICE, id, route.to());
            }
            routes.add(route);
        }
        Subnet subnet = new Subnet(id, partition.id(), r.cidr(), r.zone(), routes);
        c.next.putSubnet(subnet);
        c.emit(new RouterOp(id, partition.id(), RouterOp.Kind.CREATE, r.cidr(), null));
        for (Route route : subnet.effectiveRoutes(partition.cidr())) {
            c.emit(new RouterOp(id, partition.id(), RouterOp.Kind.ROUTE, route.to(), route.via()));
        }
        c.inverse.add(new DeleteSubnet(id));
        c.createdId = Optional.of(id.value());
    }

    private static void checkRoute(Topology t, Partition partition, SubnetId subnet, Ipv4Prefix to, RouteTarget via) {
        if (to.equals(partition.cidr())) {
            throw reject(INVALID_PARAMETER_VALUE, ROUTE_PARTITION_LOCAL_ROUTE_CANNOT_CHANGED, to);
        }
        if (via.kind() == RouteTarget.Kind.LOCAL) {
            throw reject(INVALID_PARAMETER_VALUE, ONLY_PARTITION_OWN_CIDR_ROUTED_LOCALLY, partition.cidr());
        }
        if (via.kind() == RouteTarget.Kind.INTERFACE) {
            var appliance = t.interfaces().get(via.appliance());
            if (appliance == null) {
                throw reject(INVALID_NETWORK_INTERFACE_ID_NOT_FOUND, INTERFACE_NAMED_ROUTE_DOES_NOT_EXIST,
                        via.appliance(), to, subnet);
            }
            if (!appliance.partition().equals(partition.id())) {
                throw reject(INVALID_PARAMETER, INTERFACE_IN_OTHER_PARTITION, appliance.id(), appliance.partition(),
                        partition.id());
            }
        }
    }

    static void deleteSubnet(Change c, DeleteSubnet r) {
        Topology t = c.before;
        Subnet subnet = Lookup.subnet(t, r.subnet());
        Lookup.partitionOwner(t, c.as, subnet.partition());
        var users = t.interfacesIn(subnet.id());
        if (!users.isEmpty()) {
            throw reject(DEPENDENCY_VIOLATION, SUBNET_STILL_INTERFACES, subnet.id(),
                    users.stream().map(u -> u.id().value()).limit(5).toList());
        }
        c.next.removeSubnet(subnet.id());
        c.emit(new RouterOp(subnet.id(), subnet.partition(), RouterOp.Kind.DELETE, subnet.cidr(), null));
        c.inverse.add(new CreateSubnet(Optional.of(subnet.id()), subnet.partition(), subnet.cidr(), subnet.zone(),
                subnet.routes()));
    }

    static void setRoute(Change c, SetRoute r) {
        Topology t = c.before;
        Subnet subnet = Lookup.subnet(t, r.subnet());
        Partition partition = Lookup.partition(t, subnet.partition());
        Lookup.partitionOwner(t, c.as, subnet.partition());
        Optional<Route> old = subnet.routes().stream().filter(route -> route.to().equals(r.to())).findFirst();
        List<Route> routes = new ArrayList<>(subnet.routes());
        old.ifPresent(routes::remove);
        if (r.via().isPresent()) {
            checkRoute(t, partition, subnet.id(), r.to(), r.via().get());
            routes.add(new Route(r.to(), r.via().get()));
            c.emit(new RouterOp(subnet.id(), subnet.partition(), RouterOp.Kind.ROUTE, r.to(), r.via().get()));
        } else {
            if (r.to().equals(partition.cidr())) {
                throw reject(INVALID_PARAMETER_VALUE, LOCAL_ROUTE_CANNOT_REMOVED, r.to());
            }
            if (old.isEmpty()) {
                throw reject(INVALID_PARAMETER_VALUE, SUBNET_HAS_NO_ROUTE, subnet.id(), r.to());
            }
            c.emit(new RouterOp(subnet.id(), subnet.partition(), RouterOp.Kind.UNROUTE, r.to(), null));
        }
        c.next.putSubnet(subnet.withRoutes(routes));
        c.inverse.add(new SetRoute(subnet.id(), r.to(), old.map(Route::via)));
    }

    static void createSecurityGroup(Change c, CreateSecurityGroup r) {
        Topology t = c.before;
        Partition partition = Lookup.partition(t, r.partition());
        Lookup.partitionOwner(t, c.as, partition.id());
        SecurityGroupId id = r.id().orElseGet(() -> SecurityGroupId.securityGroupId(
                c.generateId("sg", s -> t.securityGroups().containsKey(SecurityGroupId.securityGroupId(s)))));
        SecurityGroup existing = t.securityGroups().get(id);
        // A partition's default group exists from the start; naming it again gives its rules.
        boolean redefinesDefault = existing != null && existing.id().equals(partition.defaultGroup())
                && existing.partition().equals(partition.id());
        if (existing != null && !redefinesDefault) {
            throw reject(INVALID_PARAMETER_VALUE, SECURITY_GROUP_ALREADY_EXISTS, id);
        }
        List<Rule> egress = r.egress().orElse(SecurityGroup.allowAllEgress());
        checkRules(t, partition.id(), id, r.ingress());
        checkRules(t, partition.id(), id, egress);
        SecurityGroup group = new SecurityGroup(id, partition.id(), r.description(), r.ingress(), egress);
        c.next.putSecurityGroup(group);
        c.emit(new GroupOp(partition.id(), id, true, group.ingress(), group.egress()));
        if (redefinesDefault) {
            c.inverse.add(new CreateSecurityGroup(Optional.of(id), partition.id(), existing.description(),
                    existing.ingress(), Optional.of(existing.egress())));
        } else {
            c.inverse.add(new DeleteSecurityGroup(id));
        }
        c.createdId = Optional.of(id.value());
    }

    private static void checkRules(Topology t, PartitionId partition, SecurityGroupId self, List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.peer().isGroup() && !rule.peer().group().equals(self)) {
                SecurityGroup peer = Lookup.group(t, rule.peer().group());
                if (!peer.partition().equals(partition)) {
                    throw reject(INVALID_PARAMETER, SECURITY_GROUP_IN_OTHER_PARTITION, peer.id(), peer.partition(),
                            partition);
                }
            }
        }
    }

    static void deleteSecurityGroup(Change c, DeleteSecurityGroup r) {
        Topology t = c.before;
        SecurityGroup group = Lookup.group(t, r.group());
        Lookup.partitionOwner(t, c.as, group.partition());
        Partition partition = Lookup.partition(t, group.partition());
        if (partition.defaultGroup().equals(group.id())) {
            throw reject(OPERATION_NOT_PERMITTED, SECURITY_GROUP_DEFAULT_GROUP_GOES_PARTITION, group.id(),
                    partition.id());
        }
        List<Sentence> users = new ArrayList<>();
        t.interfaces().values().stream().filter(i -> i.securityGroups().contains(group.id()))
                .forEach(i -> users.add(Sentence.of(USER_INTERFACE, i.id())));
        t.securityGroups().values().stream().filter(g -> !g.id().equals(group.id()))
                .filter(g -> referencesGroup(g, group.id())).forEach(g -> users.add(Sentence.of(USER_RULES_OF,
                        g.id())));
        if (!users.isEmpty()) {
            throw reject(DEPENDENCY_VIOLATION, SECURITY_GROUP_STILL_USED, group.id(),
                    Sentence.join(LIST_SEPARATOR, users.subList(0, Math.min(5, users.size()))));
        }
        c.next.removeSecurityGroup(group.id());
        c.emit(new GroupOp(group.partition(), group.id(), false, List.of(), List.of()));
        c.inverse.add(new CreateSecurityGroup(Optional.of(group.id()), group.partition(), group.description(),
                group.ingress(), Optional.of(group.egress())));
    }

    private static boolean referencesGroup(SecurityGroup g, SecurityGroupId id) {
        return g.ingress().stream().anyMatch(rule -> id.equals(rule.peer().group()))
                || g.egress().stream().anyMatch(rule -> id.equals(rule.peer().group()));
    }

    static void authorize(Change c, Authorize r) {
        Topology t = c.before;
        SecurityGroup group = Lookup.group(t, r.group());
        Lookup.partitionOwner(t, c.as, group.partition());
        checkRules(t, group.partition(), group.id(), List.of(r.rule()));
        List<Rule> rules = new ArrayList<>(r.direction() == Direction.INGRESS ? group.ingress() : group.egress());
        if (rules.contains(r.rule())) {
            throw reject(INVALID_PARAMETER_VALUE, RULE_ALREADY_IN_GROUP, r.rule(), group.id(), r.direction());
        }
        rules.add(r.rule());
        putRules(c, group, r.direction(), rules);
        c.inverse.add(new Revoke(group.id(), r.direction(), r.rule()));
    }

    static void revoke(Change c, Revoke r) {
        Topology t = c.before;
        SecurityGroup group = Lookup.group(t, r.group());
        Lookup.partitionOwner(t, c.as, group.partition());
        List<Rule> rules = new ArrayList<>(r.direction() == Direction.INGRESS ? group.ingress() : group.egress());
        if (!rules.remove(r.rule())) {
            throw reject(INVALID_PARAMETER_VALUE, RULE_NOT_IN_GROUP, r.rule(), group.id(), r.direction());
        }
        putRules(c, group, r.direction(), rules);
        c.inverse.add(new Authorize(group.id(), r.direction(), r.rule()));
    }

    private static void putRules(Change c, SecurityGroup group, Direction direction, List<Rule> rules) {
        SecurityGroup changed = direction == Direction.INGRESS
                ? group.withRules(rules, group.egress()) : group.withRules(group.ingress(), rules);
        c.next.putSecurityGroup(changed);
        c.emit(new GroupOp(changed.partition(), changed.id(), true, changed.ingress(), changed.egress()));
    }

    static void addPlatform(Change c, AddPlatform r) {
        Topology t = c.before;
        Lookup.operatorOnly(c.as, OPERATOR_ADDS_PLATFORMS);
        if (t.platforms().containsKey(r.id())) {
            throw reject(INVALID_PARAMETER_VALUE, PLATFORM_ALREADY_EXISTS, r.id());
        }
        if (r.zone().isBlank()) {
            throw reject(INVALID_PARAMETER_VALUE, PLATFORM_NEEDS_ZONE);
        }
        if (r.capacity() < 1) {
            throw reject(INVALID_PARAMETER_VALUE, CAPACITY_AT_LEAST_ONE, r.id(), r.capacity());
        }
        if (r.nics().isEmpty()) {
            throw reject(INVALID_PARAMETER_VALUE, PLATFORM_NEEDS_LEAST_PHYSICAL_NIC, r.id());
        }
        List<PhysicalNic> nics = new ArrayList<>();
        for (NicSpec spec : r.nics()) {
            if (t.platformOfNic(spec.id()).isPresent() || nics.stream().anyMatch(n -> n.id().equals(spec.id()))) {
                throw reject(INVALID_PARAMETER_VALUE, PHYSICAL_NIC_ALREADY_EXISTS, spec.id());
            }
            MacAddress mac = spec.mac().orElseGet(() -> new MacAddress(0x0200_0000_0000L + c.next.idSequence() + 1));
            if (spec.mac().isEmpty()) {
                c.next.idSequence(c.next.idSequence() + 1);
            }
            nics.add(new PhysicalNic(spec.id(), mac, spec.up()));
        }
        ServicePlatform platform = new ServicePlatform(r.id(), r.zone(), r.capacity(), nics);
        c.next.putPlatform(platform);
        c.emit(new PlatformOp(platform.id(), platform.zone(), platform.nics()));
        c.createdId = Optional.of(r.id().value());
    }

    static void setNic(Change c, SetNic r) {
        Topology t = c.before;
        Lookup.operatorOnly(c.as, OPERATOR_CHANGES_NICS);
        NicId nicId = r.nic();
        ServicePlatform platform = t.platformOfNic(nicId).orElseThrow(() ->
                reject(INVALID_PARAMETER_VALUE, PHYSICAL_NIC_DOES_NOT_EXIST, nicId));
        PhysicalNic nic = platform.nic(nicId).orElseThrow();
        c.next.putPlatform(platform.withNic(nic.withUp(r.up())));
        c.emit(new NicOp(platform.id(), nicId, r.up()));
        c.inverse.add(new SetNic(nicId, nic.up()));
    }

}
