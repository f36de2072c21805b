package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.ATTACHMENT_LIMIT_EXCEEDED;
import static org.viflab.coordinator.ErrorCode.INCORRECT_INSTANCE_STATE;
import static org.viflab.coordinator.ErrorCode.INCORRECT_STATE;
import static org.viflab.coordinator.ErrorCode.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET;
import static org.viflab.coordinator.ErrorCode.INVALID_ATTACHMENT_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_IP_ADDRESS_IN_USE;
import static org.viflab.coordinator.ErrorCode.INVALID_NETWORK_INTERFACE_IN_USE;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_COMBINATION;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE;
import static org.viflab.coordinator.ErrorCode.OPERATION_NOT_PERMITTED;
import static org.viflab.coordinator.ErrorCode.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED;
import static org.viflab.coordinator.ErrorCode.RESOURCE_ALREADY_ASSOCIATED;
import static org.viflab.coordinator.ErrorCode.SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED;
import static org.viflab.coordinator.ErrorCode.UNAUTHORIZED_OPERATION;
import static org.viflab.coordinator.Lookup.reject;
import static org.viflab.coordinator.Rejection.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.ModifyAttachment;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.RevokePermission;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.NatOp;
import org.viflab.model.ConfigOperation.SourceDestCheckOp;
import org.viflab.model.InstanceState;
import org.viflab.model.InstanceType;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.Permission;
import org.viflab.model.PrincipalId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/** Creating, attaching, detaching, modifying and deleting interface records, and their addresses and rights. */
final class InterfaceRules {

    /** Most addresses any built-in type allows on one interface: the bound for a detached record. */
    static final int MAX_ADDRESSES_PER_INTERFACE = InstanceType.BUILT_IN.stream()
            .mapToInt(InstanceType::maxIpsPerInterface).max().orElseThrow();

    static final int MAX_GROUPS = 5;

    private InterfaceRules() {
    }

    // ---- create and delete ---------------------------------------------------------------

    static void create(Change c, CreateInterface r) {
        InterfaceRecord record = newRecord(c, r.spec(), c.as);
        c.emitAll(ConfigOperations.map(c.now(), record));
        c.emitAll(ConfigOperations.nat(record));
        c.inverse.add(new DeleteInterface(record.id()));
        c.createdId = Optional.of(record.id().value());
    }

    /**
     * Validates a spec and puts the new record into the change (used by create-interface and launch).
     *
     * @param defaultOwner the owner when the spec names none
     */
    static InterfaceRecord newRecord(Change c, InterfaceSpec spec, PrincipalId defaultOwner) {
        Topology t = c.now();
        Subnet subnet = Lookup.subnet(t, spec.subnet());
        Partition partition = Lookup.partition(t, subnet.partition());
        Lookup.partitionOwner(t, c.as, partition.id());
        PrincipalId owner = spec.owner().orElse(defaultOwner);
        Lookup.knownPrincipal(t, owner);
        if (!Lookup.isOperator(c.as) && !c.as.equals(owner) && !c.as.equals(partition.owner())) {
            throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_CREATE_INTERFACE_OWNED, c.as, owner);
        }
        if (spec.requesterManaged() && !Lookup.isOperator(c.as)) {
            throw reject(UNAUTHORIZED_OPERATION, ONLY_OPERATOR_CREATES_REQUESTER_MANAGED_INTERFACES, c.as);
        }
        for (PrincipalId p : spec.attachers()) {
            Lookup.knownPrincipal(t, p);
        }
        for (PrincipalId p : spec.ipSetters()) {
            Lookup.knownPrincipal(t, p);
        }
        if (spec.vlan().isPresent() && (spec.vlan().getAsInt() < 1 || spec.vlan().getAsInt() > 4094)) {
            throw reject(INVALID_PARAMETER_VALUE, VLAN_TAG_NOT_BETWEEN, spec.vlan().getAsInt());
        }
        InterfaceId id = spec.id().orElseGet(() -> InterfaceId.interfaceId(
                c.generateId("vif", s -> t.interfaces().containsKey(InterfaceId.interfaceId(s)))));
        if (t.interfaces().containsKey(id)) {
            throw reject(INVALID_PARAMETER_VALUE, INTERFACE_ALREADY_EXISTS, id);
        }
        List<SecurityGroupId> groups = spec.securityGroups();
        if (groups.isEmpty() && !spec.requesterManaged()) {
            groups = List.of(partition.defaultGroup());
        }
        checkGroups(t, partition, groups, spec.requesterManaged());
        List<Ipv4Address> privateIps = new ArrayList<>();
        for (Ipv4Address ip : spec.privateIps()) {
            checkAddress(t, subnet, ip, id);
            if (privateIps.contains(ip)) {
                throw reject(INVALID_PARAMETER_VALUE, ADDRESS_NAMED_TWICE, ip);
            }
            privateIps.add(ip);
        }
        if (privateIps.size() > MAX_ADDRESSES_PER_INTERFACE) {
            throw reject(PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED, INTERFACE_HOLDS_MOST_ADDRESSES_NAMED,
                    MAX_ADDRESSES_PER_INTERFACE, privateIps.size());
        }
        if (privateIps.isEmpty()) {
            privateIps.addAll(freeAddresses(t, subnet, 1, Set.of()));
        }
        List<PublicAddress> publicIps = new ArrayList<>();
        for (Ipv4Address pub : spec.publicIps()) {
            if (t.publicAddressOwner(pub).isPresent() || publicIps.stream().anyMatch(p -> p.publicIp().equals(pub))) {
                throw reject(RESOURCE_ALREADY_ASSOCIATED, PUBLIC_ADDRESS_ALREADY_ASSOCIATED, pub,
                        t.publicAddressOwner(pub).map(InterfaceId::value).orElse(id.value()));
            }
            publicIps.add(new PublicAddress(pub, privateIps.get(0)));
        }
        InterfaceRecord record = new InterfaceRecord(id, spec.description(), partition.id(), subnet.zone(), subnet.id(),
                privateIps, publicIps, groups, new TreeSet<>(spec.attachers()), new TreeSet<>(spec.ipSetters()), owner,
                spec.sourceDestCheck(), owner, spec.tags(), spec.vlan(), spec.multiAttach(), spec.requesterManaged());
        c.next.putInterface(record);
        return record;
    }

    private static void checkGroups(Topology t, Partition partition, List<SecurityGroupId> groups, boolean requesterManaged) {
        if (groups.isEmpty() && !requesterManaged) {
            throw reject(INVALID_PARAMETER_VALUE, INTERFACE_NEEDS_LEAST_SECURITY_GROUP);
        }
        if (new HashSet<>(groups).size() != groups.size()) {
            throw reject(INVALID_PARAMETER_VALUE, SECURITY_GROUP_NAMED_TWICE, groups);
        }
        for (SecurityGroupId id : groups) {
            SecurityGroup group = Lookup.group(t, id);
            if (!group.partition().equals(partition.id())) {
                throw reject(INVALID_PARAMETER, SECURITY_GROUP_IN_OTHER_PARTITION, id, group.partition(),
                        partition.id());
            }
        }
        if (groups.size() > MAX_GROUPS) {
            throw reject(SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED, INTERFACE_MOST_SECURITY_GROUPS_NAMED,
                    MAX_GROUPS, groups.size());
        }
    }

    /** The address must be a usable one of the subnet and not held by another record of the partition. */
    private static void checkAddress(Topology t, Subnet subnet, Ipv4Address ip, InterfaceId self) {
        checkInSubnet(subnet, ip);
        Optional<InterfaceId> owner = t.addressOwner(subnet.partition(), ip);
        if (owner.isPresent() && !owner.get().equals(self)) {
            throw reject(INVALID_IP_ADDRESS_IN_USE, ADDRESS_ALREADY_USED_PARTITION, ip, owner.get(),
                    subnet.partition());
        }
    }

    private static void checkInSubnet(Subnet subnet, Ipv4Address ip) {
        if (!subnet.cidr().contains(ip)) {
            throw reject(INVALID_PARAMETER_VALUE, ADDRESS_NOT_SUBNET, ip, subnet.id(), subnet.cidr());
        }
        if (subnet.isReserved(ip)) {
            throw reject(INVALID_PARAMETER_VALUE, ADDRESS_RESERVED_SUBNET_NETWORK_ROUTER_DNS, ip, subnet.id());
        }
    }

    /** The next {@code count} free addresses of a subnet, lowest first. */
    private static List<Ipv4Address> freeAddresses(Topology t, Subnet subnet, int count, Set<Ipv4Address> alsoTaken) {
        List<Ipv4Address> found = new ArrayList<>();
        long last = subnet.cidr().size() - 2;
        for (long index = 4; index <= last && found.size() < count; index++) {
            Ipv4Address candidate = subnet.cidr().addressAt(index);
            if (t.addressOwner(subnet.partition(), candidate).isEmpty() && !alsoTaken.contains(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() < count) {
            throw reject(INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET, SUBNET_FREE_ADDRESSES_NEEDED, subnet.id(),
                    t.availableAddresses(subnet.id()), count);
        }
        return found;
    }

    static void delete(Change c, DeleteInterface r) {
        Topology t = c.before;
        InterfaceRecord record = Lookup.iface(t, r.iface());
        Lookup.ownerOrOperator(c.as, record.owner(), Sentence.of(WHAT_INTERFACE, record.id()));
        Lookup.notRequesterManaged(c.as, record, AS_DELETED);
        if (!t.attachmentsOf(record.id()).isEmpty()) {
            throw reject(INVALID_PARAMETER_VALUE, INTERFACE_CURRENTLY_USE_ATTACHED, record.id(),
                    ConfigOperations.attachedInstances(t, record));
        }
        c.next.removeInterface(record.id());
        c.emitAll(ConfigOperations.unnat(record));
        c.emitAll(ConfigOperations.unmap(record, record.privateIps()));
        c.inverse.add(new CreateInterface(specOf(record)));
    }

    /** The spec that creates {@code record} again as it is. */
    static InterfaceSpec specOf(InterfaceRecord record) {
        return new InterfaceSpec(Optional.of(record.id()), Optional.of(record.owner()), record.description(),
                record.subnet(), record.privateIps(), record.publicIps().stream().map(PublicAddress::publicIp).toList(),
                record.securityGroups(), List.copyOf(record.attachers()), List.copyOf(record.ipSetters()),
                record.sourceDestCheck(), record.multiAttach(), record.requesterManaged(), record.tags(), record.vlan(),
                false);
    }

    // ---- attach and detach ---------------------------------------------------------------

    static void attach(Change c, Attach r) {
        Topology t = c.before;
        InterfaceRecord record = Lookup.iface(t, r.iface());
        ResourceInstance instance = Lookup.instance(t, r.instance());
        if (!Lookup.mayAttach(c.as, record)) {
            throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_ATTACH_OWNER_ATTACHERS, c.as, record.id(), record.owner(),
                    record.attachers());
        }
        if (!Lookup.isOperator(c.as) && !c.as.equals(instance.owner())) {
            throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_ATTACH_INTERFACES_OWNED, c.as, instance.id(),
                    instance.owner());
        }
        Lookup.notRequesterManaged(c.as, record, AS_ATTACHED);
        if (instance.state() == InstanceState.TERMINATED) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_TERMINATED, instance.id());
        }
        List<Attachment> existing = t.attachmentsOf(record.id());
        if (!existing.isEmpty() && (!record.multiAttach()
                || existing.stream().anyMatch(a -> a.instance().equals(instance.id())))) {
            throw reject(INVALID_NETWORK_INTERFACE_IN_USE, record.multiAttach() ? INTERFACE_ALREADY_ATTACHED
                    : INTERFACE_ALREADY_ATTACHED_NOT_MULTI, record.id(), ConfigOperations.attachedInstances(t, record));
        }
        if (!record.zone().equals(instance.zone())) {
            throw reject(INVALID_PARAMETER_COMBINATION, INTERFACE_ZONE_BUT_INSTANCE_ZONE, record.id(), record.zone(),
                    instance.id(), instance.zone());
        }
        List<Attachment> onInstance = t.attachmentsOn(instance.id());
        InstanceType limits = instance.limits();
        if (onInstance.size() >= limits.maxInterfaces()) {
            throw reject(ATTACHMENT_LIMIT_EXCEEDED, TYPE_ALLOWS_INTERFACES, instance.type(), limits.maxInterfaces(),
                    instance.id(), onInstance.size());
        }
        if (record.privateIps().size() > limits.maxIpsPerInterface()) {
            throw reject(PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED, TYPE_ALLOWS_ADDRESSES_PER_INTERFACE, instance.type(),
                    limits.maxIpsPerInterface(), record.id(), record.privateIps().size());
        }
        int device;
        if (r.deviceIndex().isPresent()) {
            device = r.deviceIndex().getAsInt();
            if (device < 0 || device >= limits.maxInterfaces()) {
                throw reject(INVALID_PARAMETER_VALUE, DEVICE_INDEX_OUT_OF_RANGE, device, (limits.maxInterfaces() - 1),
                        instance.type());
            }
            if (deviceTaken(onInstance, device)) {
                throw reject(INVALID_PARAMETER_VALUE, DEVICE_INDEX_ALREADY_TAKEN, device, instance.id());
            }
        } else {
            int next = 0;
            while (deviceTaken(onInstance, next)) {
                next++;
            }
            device = next;
        }
        AttachmentId id = r.id().orElseGet(() -> AttachmentId.attachmentId(
                c.generateId("attach", s -> t.attachments().containsKey(AttachmentId.attachmentId(s)))));
        if (t.attachments().containsKey(id)) {
            throw reject(INVALID_PARAMETER_VALUE, ATTACHMENT_ALREADY_EXISTS, id);
        }
        Attachment attachment = new Attachment(id, record.id(), instance.id(), c.as, device, r.deleteOnTermination());
        c.next.putAttachment(attachment);
        Topology after = c.now();
        c.emitAll(ConfigOperations.map(after, record));
        c.emitAll(ConfigOperations.plug(after, attachment));
        c.attaching.add(id);
        c.inverse.add(Detach.attachment(id).forced());
        c.createdId = Optional.of(id.value());
    }

    private static boolean deviceTaken(List<Attachment> onInstance, int device) {
        for (Attachment attachment : onInstance) {
            if (attachment.deviceIndex() == device) {
                return true;
            }
        }
        return false;
    }

    static void detach(Change c, Detach r, PropagationView propagation) {
        Topology t = c.before;
        List<Attachment> targets = new ArrayList<>();
        if (r.iface().isPresent()) {
            InterfaceRecord record = Lookup.iface(t, r.iface().get());
            targets.addAll(t.attachmentsOf(record.id()));
            if (targets.isEmpty()) {
                throw reject(INVALID_ATTACHMENT_ID_NOT_FOUND, INTERFACE_NOT_ATTACHED, record.id());
            }
        } else if (r.attachment().isPresent()) {
            targets.add(Lookup.attachment(t, r.attachment().get()));
        } else {
            ResourceInstance instance = Lookup.instance(t, r.instance().get());
            if (!Lookup.isOperator(c.as) && !c.as.equals(instance.owner())) {
                throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_DETACH_INTERFACES_OWNED, c.as, instance.id(),
                        instance.owner());
            }
            t.attachmentsOn(instance.id()).stream().filter(a -> a.deviceIndex() != 0).forEach(targets::add);
        }
        for (Attachment attachment : targets) {
            InterfaceRecord record = t.interfaces().get(attachment.iface());
            ResourceInstance instance = t.instances().get(attachment.instance());
            if (!Lookup.mayAttach(c.as, record) && !c.as.equals(instance.owner())) {
                throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_DETACH_FROM, c.as, record.id(), instance.id());
            }
            Lookup.notRequesterManaged(c.as, record, AS_DETACHED);
            if (attachment.deviceIndex() == 0) {
                throw reject(OPERATION_NOT_PERMITTED, INTERFACE_PRIMARY_DEVICE_INTERFACE_CANNOT_DETACHED, record.id(),
                        instance.id());
            }
            if (propagation.attaching(attachment.id())) {
                if (!r.force()) {
                    throw reject(INCORRECT_STATE, ATTACHMENT_STILL_ATTACHING_DETACH_FORCE_CANCEL, attachment.id());
                }
                c.cancelled.add(attachment.id());
            }
        }
        if (r.force()) {
            c.immediate = true;
        }
        for (Attachment attachment : targets) {
            // Against the state without the targets already unplugged: the last plug of a record
            // on a platform unloads its groups.
            c.emitAll(ConfigOperations.unplug(c.now(), attachment));
            c.next.removeAttachment(attachment.id());
        }
        Topology after = c.now();
        Set<InterfaceId> records = new LinkedHashSet<>();
        targets.forEach(a -> records.add(a.iface()));
        for (InterfaceId id : records) {
            c.emitAll(ConfigOperations.map(after, after.interfaces().get(id)));
            c.detaching.add(id);
        }
        for (Attachment attachment : targets) {
            c.inverse.add(new Attach(attachment.iface(), attachment.instance(), OptionalInt.of(attachment.deviceIndex()),
                    attachment.deleteOnTermination(), Optional.of(attachment.id())));
        }
    }

    // ---- modify ----------------------------------------------------------------------------

    static void modify(Change c, ModifyInterface r) {
        Topology t = c.before;
        InterfaceRecord record = Lookup.iface(t, r.iface());
        Lookup.ownerOrOperator(c.as, record.owner(), Sentence.of(WHAT_INTERFACE, record.id()));
        Lookup.notRequesterManaged(c.as, record, AS_MODIFIED);
        if (r.description().isEmpty() && r.securityGroups().isEmpty() && r.sourceDestCheck().isEmpty()
                && r.multiAttach().isEmpty()) {
            throw reject(INVALID_PARAMETER_VALUE, NAME_LEAST_ATTRIBUTE_MODIFY, record.id());
        }
        InterfaceRecord.Builder changed = record.toBuilder();
        r.description().ifPresent(d -> changed.description = d);
        if (r.securityGroups().isPresent()) {
            checkGroups(t, Lookup.partition(t, record.partition()), r.securityGroups().get(), record.requesterManaged());
            changed.securityGroups = r.securityGroups().get();
        }
        r.sourceDestCheck().ifPresent(v -> changed.sourceDestCheck = v);
        if (r.multiAttach().isPresent()) {
            if (!r.multiAttach().get() && t.attachmentsOf(record.id()).size() > 1) {
                throw reject(INVALID_PARAMETER_VALUE, INTERFACE_ATTACHED_SEVERAL_INSTANCES_DETACH_ALL, record.id());
            }
            changed.multiAttach = r.multiAttach().get();
        }
        InterfaceRecord after = changed.build();
        c.next.putInterface(after);
        for (Attachment attachment : t.attachmentsOf(record.id())) {
            ResourceInstance instance = t.instances().get(attachment.instance());
            if (!instance.isActive()) {
                continue;
            }
            if (!after.securityGroups().equals(record.securityGroups())) {
                c.emit(new GroupsLoadOp(instance.platform().get(), true, record.id(), after.securityGroups()));
            }
            if (after.sourceDestCheck() != record.sourceDestCheck()) {
                c.emit(new SourceDestCheckOp(instance.platform().get(), record.id(), after.sourceDestCheck()));
            }
        }
        c.inverse.add(new ModifyInterface(record.id(), r.description().map(d -> record.description()),
                r.securityGroups().map(g -> record.securityGroups()),
                r.sourceDestCheck().map(v -> record.sourceDestCheck()),
                r.multiAttach().map(v -> record.multiAttach())));
    }

    static void modifyAttachment(Change c, ModifyAttachment r) {
        Topology t = c.before;
        Attachment attachment = Lookup.attachment(t, r.attachment());
        InterfaceRecord record = t.interfaces().get(attachment.iface());
        ResourceInstance instance = t.instances().get(attachment.instance());
        if (!Lookup.isOperator(c.as) && !c.as.equals(record.owner()) && !c.as.equals(instance.owner())) {
            throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_CHANGE_ATTACHMENT, c.as, attachment.id());
        }
        Lookup.notRequesterManaged(c.as, record, AS_MODIFIED);
        c.next.putAttachment(attachment.withDeleteOnTermination(r.deleteOnTermination()));
        c.inverse.add(new ModifyAttachment(attachment.id(), attachment.deleteOnTermination()));
    }

    // ---- addresses -------------------------------------------------------------------------

    private static InterfaceRecord addressable(Change c, InterfaceId id) {
        InterfaceRecord record = Lookup.iface(c.before, id);
        if (!Lookup.maySetIps(c.as, record)) {
            throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_CHANGE_ADDRESSES_OWNER_IP_SETTERS, c.as, record.id(),
                    record.owner(), record.ipSetters());
        }
        Lookup.notRequesterManaged(c.as, record, AS_CHANGED);
        return record;
    }

    /** The most addresses the record may hold: the smallest limit among the instances it is attached to. */
    private static int addressLimit(Topology t, InterfaceRecord record) {
        return t.attachmentsOf(record.id()).stream()
                .mapToInt(a -> t.instances().get(a.instance()).limits().maxIpsPerInterface())
                .min().orElse(MAX_ADDRESSES_PER_INTERFACE);
    }

    static void assignIps(Change c, AssignIps r) {
        Topology t = c.before;
        InterfaceRecord record = addressable(c, r.iface());
        Subnet subnet = Lookup.subnet(t, record.subnet());
        if (r.privateIps().isEmpty() && r.count() <= 0) {
            throw reject(INVALID_PARAMETER_VALUE, NAME_ADDRESSES_ASSIGN_COUNT_LEAST);
        }
        if (!r.privateIps().isEmpty() && r.count() > 0) {
            throw reject(INVALID_PARAMETER_COMBINATION, NAME_EITHER_ADDRESSES_COUNT_NOT_BOTH);
        }
        List<Ipv4Address> added = new ArrayList<>();
        List<InterfaceRecord> losers = new ArrayList<>();
        if (!r.privateIps().isEmpty()) {
            for (Ipv4Address ip : r.privateIps()) {
                checkInSubnet(subnet, ip);
                if (record.privateIps().contains(ip) || added.contains(ip)) {
                    continue;
                }
                Optional<InterfaceId> holder = t.addressOwner(record.partition(), ip);
                if (holder.isPresent()) {
                    InterfaceRecord other = t.interfaces().get(holder.get());
                    if (!r.allowReassignment() || !other.subnet().equals(record.subnet())) {
                        throw reject(INVALID_IP_ADDRESS_IN_USE, r.allowReassignment() ? ADDRESS_USED_IN_OTHER_SUBNET
                                : ADDRESS_USED_ALLOW_REASSIGNMENT, ip, other.id());
                    }
                    if (!Lookup.maySetIps(c.as, other)) {
                        throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_TAKE_OWNER_REASSIGNMENT_NEEDS_RIGHT, c.as, ip,
                                other.id(), other.owner());
                    }
                    if (other.primaryIp().equals(ip)) {
                        throw reject(INVALID_PARAMETER_VALUE, ADDRESS_PRIMARY_ADDRESS_CANNOT_MOVED, ip, other.id());
                    }
                    if (other.publicIps().stream().anyMatch(p -> p.privateIp().equals(ip))) {
                        throw reject(INVALID_PARAMETER_VALUE, OTHER_ADDRESS_HAS_PUBLIC_ADDRESS, ip, other.id());
                    }
                    losers.add(other);
                }
                added.add(ip);
            }
        } else {
            added.addAll(freeAddresses(t, subnet, r.count(), Set.of()));
        }
        int limit = addressLimit(t, record);
        if (record.privateIps().size() + added.size() > limit) {
            throw reject(PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED, MAY_HOLD_ADDRESSES, record.id(), limit,
                    record.privateIps().size(), added.size());
        }
        if (added.isEmpty()) {
            return;
        }
        for (InterfaceRecord loser : losers) {
            InterfaceRecord.Builder shrunk = c.now().interfaces().get(loser.id()).toBuilder();
            shrunk.privateIps = shrunk.privateIps.stream().filter(ip -> !added.contains(ip)).toList();
            c.next.putInterface(shrunk.build());
        }
        InterfaceRecord.Builder grown = record.toBuilder();
        List<Ipv4Address> all = new ArrayList<>(record.privateIps());
        all.addAll(added);
        grown.privateIps = all;
        InterfaceRecord after = grown.build();
        c.next.putInterface(after);
        c.emitAll(ConfigOperations.map(c.now(), after, added));
        c.inverse.add(new UnassignIps(record.id(), added));
        for (InterfaceRecord loser : losers) {
            List<Ipv4Address> taken = added.stream().filter(loser.privateIps()::contains).toList();
            c.inverse.add(new AssignIps(loser.id(), taken, 0, true));
        }
        c.createdId = Optional.of(added.get(0).toString());
    }

    static void unassignIps(Change c, UnassignIps r) {
        InterfaceRecord record = addressable(c, r.iface());
        if (r.privateIps().isEmpty()) {
            throw reject(INVALID_PARAMETER_VALUE, NAME_ADDRESSES_UNASSIGN);
        }
        for (Ipv4Address ip : r.privateIps()) {
            if (!record.privateIps().contains(ip)) {
                throw reject(INVALID_PARAMETER_VALUE, ADDRESS_NOT_ASSIGNED, ip, record.id());
            }
            if (record.primaryIp().equals(ip)) {
                throw reject(INVALID_PARAMETER_VALUE, ADDRESS_PRIMARY_ADDRESS_CANNOT_UNASSIGNED, ip, record.id());
            }
            if (record.publicIps().stream().anyMatch(p -> p.privateIp().equals(ip))) {
                throw reject(INVALID_PARAMETER_VALUE, ADDRESS_HAS_PUBLIC_ADDRESS, ip);
            }
        }
        List<Ipv4Address> removed = r.privateIps().stream().distinct().toList();
        InterfaceRecord.Builder shrunk = record.toBuilder();
        shrunk.privateIps = record.privateIps().stream().filter(ip -> !removed.contains(ip)).toList();
        c.next.putInterface(shrunk.build());
        c.emitAll(ConfigOperations.unmap(record, removed));
        c.inverse.add(new AssignIps(record.id(), removed, 0, false));
    }

    static void associatePublicIp(Change c, AssociatePublicIp r) {
        Topology t = c.before;
        InterfaceRecord record = addressable(c, r.iface());
        Ipv4Address privateIp = r.privateIp().orElse(record.primaryIp());
        if (!record.privateIps().contains(privateIp)) {
            throw reject(INVALID_PARAMETER_VALUE, ADDRESS_NOT_ASSIGNED, privateIp, record.id());
        }
        Optional<InterfaceId> holder = t.publicAddressOwner(r.publicIp());
        Optional<PublicAddress> current = record.publicIps().stream()
                .filter(p -> p.publicIp().equals(r.publicIp())).findFirst();
        if (current.isPresent() && current.get().privateIp().equals(privateIp)) {
            return;
        }
        if (holder.isPresent() && !holder.get().equals(record.id())) {
            if (!r.allowReassociation()) {
                throw reject(RESOURCE_ALREADY_ASSOCIATED, PUBLIC_ADDRESS_ALREADY_ASSOCIATED, r.publicIp(),
                        holder.get());
            }
            InterfaceRecord other = c.now().interfaces().get(holder.get());
            if (!Lookup.maySetIps(c.as, other)) {
                throw reject(UNAUTHORIZED_OPERATION, MAY_NOT_TAKE_OWNER_REASSOCIATION_NEEDS_RIGHT, c.as, r.publicIp(),
                        other.id(), other.owner());
            }
            InterfaceRecord.Builder shrunk = other.toBuilder();
            shrunk.publicIps = other.publicIps().stream().filter(p -> !p.publicIp().equals(r.publicIp())).toList();
            c.next.putInterface(shrunk.build());
            PublicAddress lost = other.publicIps().stream().filter(p -> p.publicIp().equals(r.publicIp())).findFirst().orElseThrow();
            c.emit(new NatOp(other.partition(), false, lost.publicIp(), lost.privateIp()));
            c.inverse.add(new AssociatePublicIp(other.id(), lost.publicIp(), Optional.of(lost.privateIp()), true));
        } else if (current.isPresent()) {
            c.inverse.add(new AssociatePublicIp(record.id(), r.publicIp(), Optional.of(current.get().privateIp()), false));
        } else {
            c.inverse.add(0, new DisassociatePublicIp(record.id(), r.publicIp()));
        }
        InterfaceRecord.Builder grown = record.toBuilder();
        List<PublicAddress> publics = new ArrayList<>(record.publicIps().stream()
                .filter(p -> !p.publicIp().equals(r.publicIp())).toList());
        publics.add(new PublicAddress(r.publicIp(), privateIp));
        grown.publicIps = publics;
        c.next.putInterface(grown.build());
        c.emit(new NatOp(record.partition(), true, r.publicIp(), privateIp));
    }

    static void disassociatePublicIp(Change c, DisassociatePublicIp r) {
        InterfaceRecord record = addressable(c, r.iface());
        PublicAddress pub = record.publicIps().stream().filter(p -> p.publicIp().equals(r.publicIp())).findFirst()
                .orElseThrow(() -> reject(INVALID_PARAMETER_VALUE, PUBLIC_ADDRESS_NOT_ASSOCIATED, r.publicIp(),
                        record.id()));
        InterfaceRecord.Builder shrunk = record.toBuilder();
        shrunk.publicIps = record.publicIps().stream().filter(p -> !p.equals(pub)).toList();
        c.next.putInterface(shrunk.build());
        c.emit(new NatOp(record.partition(), false, pub.publicIp(), pub.privateIp()));
        c.inverse.add(new AssociatePublicIp(record.id(), pub.publicIp(), Optional.of(pub.privateIp()), false));
    }

    // ---- permissions -----------------------------------------------------------------------

    static void grant(Change c, GrantPermission r) {
        setPermission(c, r.iface(), r.principal(), r.permission(), true);
        c.inverse.add(new RevokePermission(r.iface(), r.principal(), r.permission()));
    }

    static void revoke(Change c, RevokePermission r) {
        setPermission(c, r.iface(), r.principal(), r.permission(), false);
        c.inverse.add(new GrantPermission(r.iface(), r.principal(), r.permission()));
    }

    private static void setPermission(Change c, InterfaceId id, PrincipalId principal, Permission permission, boolean on) {
        InterfaceRecord record = Lookup.iface(c.before, id);
        Lookup.ownerOrOperator(c.as, record.owner(), Sentence.of(WHAT_PERMISSIONS_OF, record.id()));
        Lookup.notRequesterManaged(c.as, record, AS_SHARED);
        Lookup.knownPrincipal(c.before, principal);
        InterfaceRecord.Builder changed = record.toBuilder();
        Set<PrincipalId> holders = new TreeSet<>(permission == Permission.ATTACH ? record.attachers() : record.ipSetters());
        if (on) {
            holders.add(principal);
        } else {
            holders.remove(principal);
        }
        if (permission == Permission.ATTACH) {
            changed.attachers = holders;
        } else {
            changed.ipSetters = holders;
        }
        c.next.putInterface(changed.build());
    }
}
