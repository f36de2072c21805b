package org.viflab.coordinator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PartitionId;
import org.viflab.model.Permission;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;

/**
 * Everything a client may ask of the coordinator: one record per operation of the semantics.
 * Values are already parsed (addresses, prefixes, ids); the coordinator checks everything that
 * depends on the lab's state. Each request has a one-line {@link #describe()} used by the log,
 * the journal and undo.
 */
public sealed interface Request {

    /** A one-line description, e.g. {@code attach vif-web to vm-1 at device 1}. */
    String describe();

    // ---- principals and topology ------------------------------------------------------------

    /** Adds a principal (a customer or user); only the operator may. */
    record CreatePrincipal(PrincipalId id) implements Request {
        public CreatePrincipal {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String describe() {
            return "create principal " + id;
        }
    }

    record CreatePartition(Optional<PartitionId> id, Optional<PrincipalId> owner, Ipv4Prefix cidr,
                           boolean internetGateway, Optional<Ipv4Prefix> vpnOnPremises,
                           Optional<SecurityGroupId> defaultGroup) implements Request {
        public CreatePartition {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(cidr, "cidr");
            Objects.requireNonNull(vpnOnPremises, "vpnOnPremises");
            Objects.requireNonNull(defaultGroup, "defaultGroup");
        }

        @Override
        public String describe() {
            return "create partition " + id.map(Object::toString).orElse("(new)") + " " + cidr;
        }
    }

    record DeletePartition(PartitionId partition) implements Request {
        public DeletePartition {
            Objects.requireNonNull(partition, "partition");
        }

        @Override
        public String describe() {
            return "delete partition " + partition;
        }
    }

    record CreateSubnet(Optional<SubnetId> id, PartitionId partition, Ipv4Prefix cidr, String zone,
                        List<Route> routes) implements Request {
        public CreateSubnet {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(cidr, "cidr");
            Objects.requireNonNull(zone, "zone");
            routes = List.copyOf(routes);
        }

        @Override
        public String describe() {
            return "create subnet " + id.map(Object::toString).orElse("(new)") + " " + cidr + " in " + partition;
        }
    }

    record DeleteSubnet(SubnetId subnet) implements Request {
        public DeleteSubnet {
            Objects.requireNonNull(subnet, "subnet");
        }

        @Override
        public String describe() {
            return "delete subnet " + subnet;
        }
    }

    /** Sets (or, with an empty {@code via}, removes) the route to {@code to} in a subnet. */
    record SetRoute(SubnetId subnet, Ipv4Prefix to, Optional<RouteTarget> via) implements Request {
        public SetRoute {
            Objects.requireNonNull(subnet, "subnet");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(via, "via");
        }

        @Override
        public String describe() {
            return "set route " + to + " → " + via.map(Object::toString).orElse("none") + " in " + subnet;
        }
    }

    /** Creates a group; an empty {@code egress} means "allow all" (an explicit empty list: use {@code List.of()} in {@code Optional.of}). */
    record CreateSecurityGroup(Optional<SecurityGroupId> id, PartitionId partition, String description,
                               List<Rule> ingress, Optional<List<Rule>> egress) implements Request {
        public CreateSecurityGroup {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(partition, "partition");
            description = description == null ? "" : description;
            ingress = List.copyOf(ingress);
            Objects.requireNonNull(egress, "egress");
            egress = egress.map(List::copyOf);
        }

        @Override
        public String describe() {
            return "create security group " + id.map(Object::toString).orElse("(new)") + " in " + partition;
        }
    }

    record DeleteSecurityGroup(SecurityGroupId group) implements Request {
        public DeleteSecurityGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public String describe() {
            return "delete security group " + group;
        }
    }

    enum Direction {
        INGRESS, EGRESS;

        public static Direction parse(String text) {
            if ("ingress".equals(text)) {
                return INGRESS;
            }
            if ("egress".equals(text)) {
                return EGRESS;
            }
            throw new IllegalArgumentException("'" + text + "' is not a direction (ingress or egress)");
        }

        @Override
        public String toString() {
            return this == INGRESS ? "ingress" : "egress";
        }
    }

    /** Adds a rule to a group. */
    record Authorize(SecurityGroupId group, Direction direction, Rule rule) implements Request {
        public Authorize {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String describe() {
            return "authorize " + direction + " " + rule + " in " + group;
        }
    }

    /** Removes a rule from a group. */
    record Revoke(SecurityGroupId group, Direction direction, Rule rule) implements Request {
        public Revoke {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String describe() {
            return "revoke " + direction + " " + rule + " in " + group;
        }
    }

    /** A physical NIC to add with a platform; without a MAC one is generated. */
    record NicSpec(NicId id, Optional<MacAddress> mac, boolean up) {
        public NicSpec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(mac, "mac");
        }
    }

    record AddPlatform(PlatformId id, String zone, int capacity, List<NicSpec> nics) implements Request {
        public AddPlatform {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(zone, "zone");
            nics = List.copyOf(nics);
        }

        @Override
        public String describe() {
            return "add platform " + id + " in " + zone;
        }
    }

    record SetNic(NicId nic, boolean up) implements Request {
        public SetNic {
            Objects.requireNonNull(nic, "nic");
        }

        @Override
        public String describe() {
            return "set NIC " + nic + (up ? " up" : " down");
        }
    }

    // ---- instances ------------------------------------------------------------------------

    /**
     * An interface record to create, free-standing or with an instance at launch.
     * Empty {@code privateIps}: the next free address. Empty {@code securityGroups}: the partition's
     * default group. {@code deleteOnTermination} applies only at launch.
     */
    record InterfaceSpec(Optional<InterfaceId> id, Optional<PrincipalId> owner, String description,
                         SubnetId subnet, List<Ipv4Address> privateIps, List<Ipv4Address> publicIps,
                         List<SecurityGroupId> securityGroups, List<PrincipalId> attachers,
                         List<PrincipalId> ipSetters, boolean sourceDestCheck, boolean multiAttach,
                         boolean requesterManaged, Map<String, String> tags, OptionalInt vlan,
                         boolean deleteOnTermination) {
        public InterfaceSpec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(subnet, "subnet");
            Objects.requireNonNull(vlan, "vlan");
            description = description == null ? "" : description;
            privateIps = List.copyOf(privateIps);
            publicIps = List.copyOf(publicIps);
            securityGroups = List.copyOf(securityGroups);
            attachers = List.copyOf(attachers);
            ipSetters = List.copyOf(ipSetters);
            tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        }

        /** A spec with only a subnet: every other field at its default. */
        public static InterfaceSpec inSubnet(SubnetId subnet) {
            return new InterfaceSpec(Optional.empty(), Optional.empty(), "", subnet, List.of(), List.of(), List.of(),
                    List.of(), List.of(), true, false, false, Map.of(), OptionalInt.empty(), true);
        }

        public InterfaceSpec withId(InterfaceId newId) {
            return new InterfaceSpec(Optional.of(newId), owner, description, subnet, privateIps, publicIps,
                    securityGroups, attachers, ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags,
                    vlan, deleteOnTermination);
        }

        public InterfaceSpec withPrivateIps(List<Ipv4Address> ips) {
            return new InterfaceSpec(id, owner, description, subnet, ips, publicIps, securityGroups, attachers,
                    ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan, deleteOnTermination);
        }

        public InterfaceSpec withSecurityGroups(List<SecurityGroupId> groups) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, publicIps, groups, attachers,
                    ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan, deleteOnTermination);
        }

        public InterfaceSpec withPublicIps(List<Ipv4Address> ips) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, ips, securityGroups, attachers,
                    ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan, deleteOnTermination);
        }

        public InterfaceSpec withOwner(PrincipalId newOwner) {
            return new InterfaceSpec(id, Optional.of(newOwner), description, subnet, privateIps, publicIps,
                    securityGroups, attachers, ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags,
                    vlan, deleteOnTermination);
        }

        public InterfaceSpec withAccess(List<PrincipalId> newAttachers, List<PrincipalId> newIpSetters) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, publicIps, securityGroups,
                    newAttachers, newIpSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan,
                    deleteOnTermination);
        }

        public InterfaceSpec withFlags(boolean newSourceDestCheck, boolean newMultiAttach, boolean newRequesterManaged) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, publicIps, securityGroups,
                    attachers, ipSetters, newSourceDestCheck, newMultiAttach, newRequesterManaged, tags, vlan,
                    deleteOnTermination);
        }

        public InterfaceSpec withDescription(String text) {
            return new InterfaceSpec(id, owner, text, subnet, privateIps, publicIps, securityGroups, attachers,
                    ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan, deleteOnTermination);
        }

        public InterfaceSpec withTags(Map<String, String> newTags) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, publicIps, securityGroups,
                    attachers, ipSetters, sourceDestCheck, multiAttach, requesterManaged, newTags, vlan,
                    deleteOnTermination);
        }

        public InterfaceSpec withDeleteOnTermination(boolean value) {
            return new InterfaceSpec(id, owner, description, subnet, privateIps, publicIps, securityGroups,
                    attachers, ipSetters, sourceDestCheck, multiAttach, requesterManaged, tags, vlan, value);
        }
    }

    /**
     * Launches an instance ({@code pending} unless {@code state} says otherwise), optionally placed,
     * with interfaces created for it at device 0, 1, … (cold attach when not placed).
     */
    record Launch(Optional<InstanceId> id, Optional<PrincipalId> owner, String type, String zone,
                  Optional<PlatformId> platform, InstanceState state, List<InterfaceSpec> interfaces,
                  Map<String, String> tags) implements Request {
        public Launch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(state, "state");
            interfaces = List.copyOf(interfaces);
            tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        }

        @Override
        public String describe() {
            return "launch " + id.map(Object::toString).orElse("(new)") + " " + type + " in " + zone
                    + platform.map(p -> " on " + p).orElse("") + " " + state;
        }
    }

    /** Chooses a platform for an instance: the named one, or the scheduler's (same zone, capacity left). */
    record Place(InstanceId instance, Optional<PlatformId> platform) implements Request {
        public Place {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public String describe() {
            return "place " + instance + platform.map(p -> " on " + p).orElse("");
        }
    }

    record Start(InstanceId instance) implements Request {
        public Start {
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public String describe() {
            return "start " + instance;
        }
    }

    record Stop(InstanceId instance) implements Request {
        public Stop {
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public String describe() {
            return "stop " + instance;
        }
    }

    record Terminate(InstanceId instance) implements Request {
        public Terminate {
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public String describe() {
            return "terminate " + instance;
        }
    }

    /** Moves an instance to another platform of its zone; its attachments follow, their MACs change. */
    record Move(InstanceId instance, Optional<PlatformId> platform) implements Request {
        public Move {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public String describe() {
            return "move " + instance + platform.map(p -> " to " + p).orElse("");
        }
    }

    // ---- interfaces -----------------------------------------------------------------------

    record CreateInterface(InterfaceSpec spec) implements Request {
        public CreateInterface {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public String describe() {
            return "create interface " + spec.id().map(Object::toString).orElse("(new)") + " in " + spec.subnet();
        }
    }

    record DeleteInterface(InterfaceId iface) implements Request {
        public DeleteInterface {
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public String describe() {
            return "delete interface " + iface;
        }
    }

    /** Attaches a record to an instance; an empty device index takes the next free one. */
    record Attach(InterfaceId iface, InstanceId instance, OptionalInt deviceIndex, boolean deleteOnTermination,
                  Optional<AttachmentId> id) implements Request {
        public Attach {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(deviceIndex, "deviceIndex");
            Objects.requireNonNull(id, "id");
        }

        public static Attach attach(InterfaceId iface, InstanceId instance) {
            return new Attach(iface, instance, OptionalInt.empty(), false, Optional.empty());
        }

        public static Attach attach(InterfaceId iface, InstanceId instance, int deviceIndex) {
            return new Attach(iface, instance, OptionalInt.of(deviceIndex), false, Optional.empty());
        }

        @Override
        public String describe() {
            return "attach " + iface + " to " + instance
                    + (deviceIndex.isPresent() ? " at device " + deviceIndex.getAsInt() : "");
        }
    }

    /** Detaches by interface, by attachment, or everything but device 0 of an instance. */
    record Detach(Optional<InterfaceId> iface, Optional<AttachmentId> attachment, Optional<InstanceId> instance,
                  boolean force) implements Request {
        public Detach {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(instance, "instance");
            int named = (iface.isPresent() ? 1 : 0) + (attachment.isPresent() ? 1 : 0) + (instance.isPresent() ? 1 : 0);
            if (named != 1) {
                throw new IllegalArgumentException("detach names exactly one of interface, attachment or instance");
            }
        }

        public static Detach interfaceOf(InterfaceId iface) {
            return new Detach(Optional.of(iface), Optional.empty(), Optional.empty(), false);
        }

        public static Detach attachment(AttachmentId attachment) {
            return new Detach(Optional.empty(), Optional.of(attachment), Optional.empty(), false);
        }

        public static Detach allFrom(InstanceId instance) {
            return new Detach(Optional.empty(), Optional.empty(), Optional.of(instance), false);
        }

        public Detach forced() {
            return new Detach(iface, attachment, instance, true);
        }

        @Override
        public String describe() {
            String what = iface.map(i -> "interface " + i).or(() -> attachment.map(a -> "attachment " + a))
                    .orElseGet(() -> "everything from " + instance.get());
            return "detach " + what + (force ? " (force)" : "");
        }
    }

    /** Changes the fields of a record that are present. */
    record ModifyInterface(InterfaceId iface, Optional<String> description,
                           Optional<List<SecurityGroupId>> securityGroups, Optional<Boolean> sourceDestCheck,
                           Optional<Boolean> multiAttach) implements Request {
        public ModifyInterface {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(securityGroups, "securityGroups");
            Objects.requireNonNull(sourceDestCheck, "sourceDestCheck");
            Objects.requireNonNull(multiAttach, "multiAttach");
            securityGroups = securityGroups.map(List::copyOf);
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder("modify " + iface);
            description.ifPresent(d -> out.append(" description '").append(d).append('\''));
            securityGroups.ifPresent(g -> out.append(" groups ").append(g));
            sourceDestCheck.ifPresent(c -> out.append(" source/dest check ").append(c ? "on" : "off"));
            multiAttach.ifPresent(m -> out.append(" multi-attach ").append(m ? "on" : "off"));
            return out.toString();
        }
    }

    /** Changes the delete-on-termination flag of an attachment. */
    record ModifyAttachment(AttachmentId attachment, boolean deleteOnTermination) implements Request {
        public ModifyAttachment {
            Objects.requireNonNull(attachment, "attachment");
        }

        @Override
        public String describe() {
            return "modify " + attachment + " delete-on-termination " + deleteOnTermination;
        }
    }

    /** Assigns the named addresses, or {@code count} next free ones, to a record. */
    record AssignIps(InterfaceId iface, List<Ipv4Address> privateIps, int count, boolean allowReassignment)
            implements Request {
        public AssignIps {
            Objects.requireNonNull(iface, "iface");
            privateIps = List.copyOf(privateIps);
        }

        @Override
        public String describe() {
            return "assign " + (privateIps.isEmpty() ? count + " address(es)" : privateIps.toString()) + " to " + iface;
        }
    }

    record UnassignIps(InterfaceId iface, List<Ipv4Address> privateIps) implements Request {
        public UnassignIps {
            Objects.requireNonNull(iface, "iface");
            privateIps = List.copyOf(privateIps);
        }

        @Override
        public String describe() {
            return "unassign " + privateIps + " from " + iface;
        }
    }

    record AssociatePublicIp(InterfaceId iface, Ipv4Address publicIp, Optional<Ipv4Address> privateIp,
                             boolean allowReassociation) implements Request {
        public AssociatePublicIp {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(publicIp, "publicIp");
            Objects.requireNonNull(privateIp, "privateIp");
        }

        @Override
        public String describe() {
            return "associate " + publicIp + " with " + iface + privateIp.map(p -> " (" + p + ")").orElse("");
        }
    }

    record DisassociatePublicIp(InterfaceId iface, Ipv4Address publicIp) implements Request {
        public DisassociatePublicIp {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(publicIp, "publicIp");
        }

        @Override
        public String describe() {
            return "disassociate " + publicIp + " from " + iface;
        }
    }

    record GrantPermission(InterfaceId iface, PrincipalId principal, Permission permission) implements Request {
        public GrantPermission {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public String describe() {
            return "grant " + permission + " on " + iface + " to " + principal;
        }
    }

    record RevokePermission(InterfaceId iface, PrincipalId principal, Permission permission) implements Request {
        public RevokePermission {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public String describe() {
            return "revoke " + permission + " on " + iface + " from " + principal;
        }
    }

    /** The kinds of object {@link Describe} can list. */
    enum Kind {
        INTERFACES("interfaces"), INSTANCES("instances"), SUBNETS("subnets"), PARTITIONS("partitions"),
        SECURITY_GROUPS("securityGroups"), PLATFORMS("platforms"), ATTACHMENTS("attachments");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.text.equals(text)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a kind (interfaces, instances, subnets, "
                    + "partitions, securityGroups, platforms, attachments)");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Lists objects of a kind: the named ids (an unknown one is {@code …NotFound}) filtered by
     * {@code filters} (AND across filters, OR within one filter's values).
     */
    record Describe(Kind kind, List<String> ids, Map<String, List<String>> filters) implements Request {
        public Describe {
            Objects.requireNonNull(kind, "kind");
            ids = List.copyOf(ids);
            filters = java.util.Collections.unmodifiableMap(new TreeMap<>(filters));
        }

        @Override
        public String describe() {
            return "describe " + kind + (ids.isEmpty() ? "" : " " + ids) + (filters.isEmpty() ? "" : " " + filters);
        }
    }
}
