package org.viflab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;
import org.viflab.net.Ipv4Address;

/**
 * One consistent, immutable state of a lab: every object by id, plus indexes (addresses per
 * partition, public addresses, attachments by interface and by instance, instances by platform,
 * records by subnet, NICs by platform).
 *
 * <p>Everything is held in persistent maps, so the coordinator makes the next snapshot with
 * {@link #toBuilder()} in time proportional to what it changes, not to the size of the lab, and
 * readers (the GUI, the fabric compiler, describe) keep old snapshots as long as they like.
 *
 * <p>{@code version} counts accepted requests; {@code idSequence} numbers generated ids so that
 * runs are repeatable.
 */
public final class Topology {

    /** The principal that always exists and may do anything: the provider. */
    public static final PrincipalId OPERATOR = PrincipalId.principalId("operator");

    private static final Topology EMPTY = new Builder().putPrincipal(OPERATOR).buildFresh();

    private final long version;
    private final long idSequence;
    private final TreePSet<PrincipalId> principals;
    private final TreePMap<PartitionId, Partition> partitions;
    private final TreePMap<SubnetId, Subnet> subnets;
    private final TreePMap<SecurityGroupId, SecurityGroup> securityGroups;
    private final TreePMap<PlatformId, ServicePlatform> platforms;
    private final TreePMap<InstanceId, ResourceInstance> instances;
    private final TreePMap<InterfaceId, InterfaceRecord> interfaces;
    private final TreePMap<AttachmentId, Attachment> attachments;
    private final Indexes indexes;

    private Topology(Builder b) {
        version = b.version;
        idSequence = b.idSequence;
        principals = b.principals;
        partitions = b.partitions;
        subnets = b.subnets;
        securityGroups = b.securityGroups;
        platforms = b.platforms;
        instances = b.instances;
        interfaces = b.interfaces;
        attachments = b.attachments;
        indexes = b.indexes;
    }

    /** A lab with nothing in it but the operator. */
    public static Topology empty() {
        return EMPTY;
    }

    public long version() {
        return version;
    }

    public long idSequence() {
        return idSequence;
    }

    public SortedSet<PrincipalId> principals() {
        return principals;
    }

    public NavigableMap<PartitionId, Partition> partitions() {
        return partitions;
    }

    public NavigableMap<SubnetId, Subnet> subnets() {
        return subnets;
    }

    public NavigableMap<SecurityGroupId, SecurityGroup> securityGroups() {
        return securityGroups;
    }

    public NavigableMap<PlatformId, ServicePlatform> platforms() {
        return platforms;
    }

    public NavigableMap<InstanceId, ResourceInstance> instances() {
        return instances;
    }

    public NavigableMap<InterfaceId, InterfaceRecord> interfaces() {
        return interfaces;
    }

    public NavigableMap<AttachmentId, Attachment> attachments() {
        return attachments;
    }

    public Optional<Partition> partition(PartitionId id) {
        return Optional.ofNullable(partitions.get(id));
    }

    public Optional<Subnet> subnet(SubnetId id) {
        return Optional.ofNullable(subnets.get(id));
    }

    public Optional<SecurityGroup> securityGroup(SecurityGroupId id) {
        return Optional.ofNullable(securityGroups.get(id));
    }

    public Optional<ServicePlatform> platform(PlatformId id) {
        return Optional.ofNullable(platforms.get(id));
    }

    public Optional<ResourceInstance> instance(InstanceId id) {
        return Optional.ofNullable(instances.get(id));
    }

    public Optional<InterfaceRecord> iface(InterfaceId id) {
        return Optional.ofNullable(interfaces.get(id));
    }

    public Optional<Attachment> attachment(AttachmentId id) {
        return Optional.ofNullable(attachments.get(id));
    }

    /** The interface that owns {@code address} inside {@code partition}, if any. */
    public Optional<InterfaceId> addressOwner(PartitionId partition, Ipv4Address address) {
        HashPMap<Ipv4Address, InterfaceId> byAddress = indexes.addresses.get(partition);
        return byAddress == null ? Optional.empty() : Optional.ofNullable(byAddress.get(address));
    }

    /** The interface holding public address {@code address} (public addresses are provider-wide). */
    public Optional<InterfaceId> publicAddressOwner(Ipv4Address address) {
        return Optional.ofNullable(indexes.publicAddresses.get(address));
    }

    /** Attachments of an interface record, by attachment id. */
    public List<Attachment> attachmentsOf(InterfaceId iface) {
        TreePMap<AttachmentId, Attachment> found = indexes.byInterface.get(iface);
        return found == null ? List.of() : new ArrayList<>(found.values());
    }

    /** Attachments on an instance, by device index. */
    public List<Attachment> attachmentsOn(InstanceId instance) {
        TreePMap<AttachmentId, Attachment> on = indexes.byInstance.get(instance);
        if (on == null) {
            return List.of();
        }
        List<Attachment> found = new ArrayList<>(on.values());
        found.sort(Comparator.comparingInt(Attachment::deviceIndex));
        return found;
    }

    /** The attachment at device index {@code deviceIndex} of an instance, if any. */
    public Optional<Attachment> attachmentAt(InstanceId instance, int deviceIndex) {
        return attachmentsOn(instance).stream().filter(a -> a.deviceIndex() == deviceIndex).findFirst();
    }

    /** Instances placed on a platform that are not terminated, by id. */
    public List<ResourceInstance> instancesOn(PlatformId platform) {
        TreePMap<InstanceId, ResourceInstance> on = indexes.byPlatform.get(platform);
        return on == null ? List.of() : List.copyOf(on.values());
    }

    /** Interfaces in a subnet, by id. */
    public List<InterfaceRecord> interfacesIn(SubnetId subnet) {
        TreePMap<InterfaceId, InterfaceRecord> in = indexes.bySubnet.get(subnet);
        return in == null ? List.of() : List.copyOf(in.values());
    }

    /** The platform that has physical NIC {@code nic}. */
    public Optional<ServicePlatform> platformOfNic(NicId nic) {
        return Optional.ofNullable(indexes.nicPlatform.get(nic)).map(platforms::get);
    }

    /** Free addresses of a subnet: its size less the five reserved ones and those in use. */
    public long availableAddresses(SubnetId subnetId) {
        Subnet subnet = subnets.get(subnetId);
        if (subnet == null) {
            return 0;
        }
        return Math.max(0, subnet.usableAddresses() - indexes.usedAddresses.getOrDefault(subnetId, 0));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Content equality: every object, the version and the id sequence (indexes are derived). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Topology t)) {
            return false;
        }
        return version == t.version && idSequence == t.idSequence && principals.equals(t.principals)
                && partitions.equals(t.partitions) && subnets.equals(t.subnets)
                && securityGroups.equals(t.securityGroups) && platforms.equals(t.platforms)
                && instances.equals(t.instances) && interfaces.equals(t.interfaces)
                && attachments.equals(t.attachments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, idSequence, principals, partitions, subnets, securityGroups, platforms,
                instances, interfaces, attachments);
    }

    @Override
    public String toString() {
        return "Topology{version=" + version + ", partitions=" + partitions.size() + ", subnets=" + subnets.size()
                + ", groups=" + securityGroups.size() + ", platforms=" + platforms.size() + ", instances="
                + instances.size() + ", interfaces=" + interfaces.size() + ", attachments=" + attachments.size() + "}";
    }

    /** Derived lookups, kept up to date by the builder as objects are put and removed. */
    private record Indexes(
            HashPMap<PartitionId, HashPMap<Ipv4Address, InterfaceId>> addresses,
            HashPMap<Ipv4Address, InterfaceId> publicAddresses,
            HashPMap<SubnetId, TreePMap<InterfaceId, InterfaceRecord>> bySubnet,
            HashPMap<SubnetId, Integer> usedAddresses,
            HashPMap<InterfaceId, TreePMap<AttachmentId, Attachment>> byInterface,
            HashPMap<InstanceId, TreePMap<AttachmentId, Attachment>> byInstance,
            HashPMap<PlatformId, TreePMap<InstanceId, ResourceInstance>> byPlatform,
            HashPMap<NicId, PlatformId> nicPlatform) {

        static final Indexes EMPTY = new Indexes(HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(),
                HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty());

        Indexes withoutInterface(InterfaceRecord r) {
            HashPMap<Ipv4Address, InterfaceId> inPartition = addresses.getOrDefault(r.partition(), HashTreePMap.empty());
            for (Ipv4Address ip : r.privateIps()) {
                inPartition = inPartition.minus(ip);
            }
            HashPMap<Ipv4Address, InterfaceId> publics = publicAddresses;
            for (PublicAddress pub : r.publicIps()) {
                publics = publics.minus(pub.publicIp());
            }
            return new Indexes(addresses.plus(r.partition(), inPartition), publics,
                    minusMember(bySubnet, r.subnet(), r.id()),
                    usedAddresses.plus(r.subnet(), usedAddresses.getOrDefault(r.subnet(), 0) - r.privateIps().size()),
                    byInterface, byInstance, byPlatform, nicPlatform);
        }

        Indexes withInterface(InterfaceRecord r) {
            HashPMap<Ipv4Address, InterfaceId> inPartition = addresses.getOrDefault(r.partition(), HashTreePMap.empty());
            for (Ipv4Address ip : r.privateIps()) {
                inPartition = inPartition.plus(ip, r.id());
            }
            HashPMap<Ipv4Address, InterfaceId> publics = publicAddresses;
            for (PublicAddress pub : r.publicIps()) {
                publics = publics.plus(pub.publicIp(), r.id());
            }
            return new Indexes(addresses.plus(r.partition(), inPartition), publics,
                    plusMember(bySubnet, r.subnet(), r.id(), r),
                    usedAddresses.plus(r.subnet(), usedAddresses.getOrDefault(r.subnet(), 0) + r.privateIps().size()),
                    byInterface, byInstance, byPlatform, nicPlatform);
        }

        Indexes withoutAttachment(Attachment a) {
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses,
                    minusMember(byInterface, a.iface(), a.id()), minusMember(byInstance, a.instance(), a.id()),
                    byPlatform, nicPlatform);
        }

        Indexes withAttachment(Attachment a) {
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses,
                    plusMember(byInterface, a.iface(), a.id(), a), plusMember(byInstance, a.instance(), a.id(), a),
                    byPlatform, nicPlatform);
        }

        Indexes withoutInstance(ResourceInstance i) {
            if (i.state() == InstanceState.TERMINATED || i.platform().isEmpty()) {
                return this;
            }
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses, byInterface, byInstance,
                    minusMember(byPlatform, i.platform().get(), i.id()), nicPlatform);
        }

        Indexes withInstance(ResourceInstance i) {
            if (i.state() == InstanceState.TERMINATED || i.platform().isEmpty()) {
                return this;
            }
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses, byInterface, byInstance,
                    plusMember(byPlatform, i.platform().get(), i.id(), i), nicPlatform);
        }

        Indexes withoutPlatform(ServicePlatform p) {
            HashPMap<NicId, PlatformId> nics = nicPlatform;
            for (PhysicalNic nic : p.nics()) {
                nics = nics.minus(nic.id());
            }
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses, byInterface, byInstance,
                    byPlatform, nics);
        }

        Indexes withPlatform(ServicePlatform p) {
            HashPMap<NicId, PlatformId> nics = nicPlatform;
            for (PhysicalNic nic : p.nics()) {
                nics = nics.plus(nic.id(), p.id());
            }
            return new Indexes(addresses, publicAddresses, bySubnet, usedAddresses, byInterface, byInstance,
                    byPlatform, nics);
        }

        private static <K, M extends Comparable<? super M>, V> HashPMap<K, TreePMap<M, V>> plusMember(
                HashPMap<K, TreePMap<M, V>> index, K key, M member, V value) {
            TreePMap<M, V> members = index.get(key);
            return index.plus(key, (members == null ? TreePMap.<M, V>empty() : members).plus(member, value));
        }

        private static <K, M extends Comparable<? super M>, V> HashPMap<K, TreePMap<M, V>> minusMember(
                HashPMap<K, TreePMap<M, V>> index, K key, M member) {
            TreePMap<M, V> members = index.get(key);
            if (members == null) {
                return index;
            }
            TreePMap<M, V> rest = members.minus(member);
            return rest.isEmpty() ? index.minus(key) : index.plus(key, rest);
        }
    }

    /**
     * Makes the next snapshot. Every change costs time proportional to its own size; the ids of what
     * was put or removed are recorded in {@link #touched()} for the repository.
     */
    public static final class Builder {
        private long version;
        private long idSequence;
        private TreePSet<PrincipalId> principals = TreePSet.empty();
        private TreePMap<PartitionId, Partition> partitions = TreePMap.empty();
        private TreePMap<SubnetId, Subnet> subnets = TreePMap.empty();
        private TreePMap<SecurityGroupId, SecurityGroup> securityGroups = TreePMap.empty();
        private TreePMap<PlatformId, ServicePlatform> platforms = TreePMap.empty();
        private TreePMap<InstanceId, ResourceInstance> instances = TreePMap.empty();
        private TreePMap<InterfaceId, InterfaceRecord> interfaces = TreePMap.empty();
        private TreePMap<AttachmentId, Attachment> attachments = TreePMap.empty();
        private Indexes indexes = Indexes.EMPTY;
        private final LinkedHashSet<Object> touched = new LinkedHashSet<>();
        private Topology last;

        private Builder() {
        }

        private Builder(Topology base) {
            version = base.version;
            idSequence = base.idSequence;
            principals = base.principals;
            partitions = base.partitions;
            subnets = base.subnets;
            securityGroups = base.securityGroups;
            platforms = base.platforms;
            instances = base.instances;
            interfaces = base.interfaces;
            attachments = base.attachments;
            indexes = base.indexes;
            last = base;
        }

        public Builder version(long value) {
            version = value;
            last = null;
            return this;
        }

        public Builder idSequence(long value) {
            idSequence = value;
            last = null;
            return this;
        }

        public long idSequence() {
            return idSequence;
        }

        /**
         * Ids of every object put or removed since the builder was made, in order (principals
         * included): what a repository has to write to persist the change.
         */
        public Set<Object> touched() {
            return Collections.unmodifiableSet(touched);
        }

        /** A read view of what the builder holds now (for validation in the middle of a change). */
        public Topology peek() {
            return build();
        }

        private void changed(Object id) {
            touched.add(id);
            last = null;
        }

        public Builder putPrincipal(PrincipalId id) {
            changed(id);
            principals = principals.plus(id);
            return this;
        }

        public Builder putPartition(Partition value) {
            changed(value.id());
            partitions = partitions.plus(value.id(), value);
            return this;
        }

        public Builder removePartition(PartitionId id) {
            changed(id);
            partitions = partitions.minus(id);
            return this;
        }

        public Builder putSubnet(Subnet value) {
            changed(value.id());
            subnets = subnets.plus(value.id(), value);
            return this;
        }

        public Builder removeSubnet(SubnetId id) {
            changed(id);
            subnets = subnets.minus(id);
            return this;
        }

        public Builder putSecurityGroup(SecurityGroup value) {
            changed(value.id());
            securityGroups = securityGroups.plus(value.id(), value);
            return this;
        }

        public Builder removeSecurityGroup(SecurityGroupId id) {
            changed(id);
            securityGroups = securityGroups.minus(id);
            return this;
        }

        public Builder putPlatform(ServicePlatform value) {
            changed(value.id());
            ServicePlatform old = platforms.get(value.id());
            if (old != null) {
                indexes = indexes.withoutPlatform(old);
            }
            platforms = platforms.plus(value.id(), value);
            indexes = indexes.withPlatform(value);
            return this;
        }

        public Builder putInstance(ResourceInstance value) {
            changed(value.id());
            ResourceInstance old = instances.get(value.id());
            if (old != null) {
                indexes = indexes.withoutInstance(old);
            }
            instances = instances.plus(value.id(), value);
            indexes = indexes.withInstance(value);
            return this;
        }

        public Builder putInterface(InterfaceRecord value) {
            changed(value.id());
            InterfaceRecord old = interfaces.get(value.id());
            if (old != null) {
                indexes = indexes.withoutInterface(old);
            }
            interfaces = interfaces.plus(value.id(), value);
            indexes = indexes.withInterface(value);
            return this;
        }

        public Builder removeInterface(InterfaceId id) {
            changed(id);
            InterfaceRecord old = interfaces.get(id);
            if (old != null) {
                indexes = indexes.withoutInterface(old);
                interfaces = interfaces.minus(id);
            }
            return this;
        }

        public Builder putAttachment(Attachment value) {
            changed(value.id());
            Attachment old = attachments.get(value.id());
            if (old != null) {
                indexes = indexes.withoutAttachment(old);
            }
            attachments = attachments.plus(value.id(), value);
            indexes = indexes.withAttachment(value);
            return this;
        }

        public Builder removeAttachment(AttachmentId id) {
            changed(id);
            Attachment old = attachments.get(id);
            if (old != null) {
                indexes = indexes.withoutAttachment(old);
                attachments = attachments.minus(id);
            }
            return this;
        }

        public Topology build() {
            if (last == null) {
                last = new Topology(this);
            }
            return last;
        }

        private Topology buildFresh() {
            return new Topology(this);
        }
    }
}
