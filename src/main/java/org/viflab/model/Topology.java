package org.viflab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.viflab.net.Ipv4Address;

/**
 * One consistent, immutable state of a lab: every object by id, plus indexes built on first use
 * (addresses per partition, public addresses, attachments by interface and by instance).
 *
 * <p>Readers (the GUI, the tracer's compiler, describe) hold a snapshot and never see half an
 * operation; the coordinator makes the next snapshot with {@link #toBuilder()}, which copies only
 * the kinds it changes.
 *
 * <p>{@code version} counts accepted requests; {@code idSequence} numbers generated ids so that
 * runs are repeatable.
 */
public final class Topology {

    private static final Topology EMPTY = new Topology(0, 0, new TreeSet<>(Set.of(PrincipalId.principalId("operator"))),
            new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            null, 0);

    /** The principal that always exists and may do anything: the provider. */
    public static final PrincipalId OPERATOR = PrincipalId.principalId("operator");

    private final long version;
    private final long idSequence;
    private final SortedSet<PrincipalId> principals;
    private final NavigableMap<PartitionId, Partition> partitions;
    private final NavigableMap<SubnetId, Subnet> subnets;
    private final NavigableMap<SecurityGroupId, SecurityGroup> securityGroups;
    private final NavigableMap<PlatformId, ServicePlatform> platforms;
    private final NavigableMap<InstanceId, ResourceInstance> instances;
    private final NavigableMap<InterfaceId, InterfaceRecord> interfaces;
    private final NavigableMap<AttachmentId, Attachment> attachments;

    // Indexes are built on first use and handed on to the next snapshot when the map they are built
    // from did not change, so a request that touches one attachment does not re-index every address.
    private final Memo<InterfaceIndex> interfaceIndex;
    private final Memo<AttachmentIndex> attachmentIndex;
    private final Memo<Map<PlatformId, List<ResourceInstance>>> placementIndex;
    private final Memo<Map<NicId, PlatformId>> nicIndex;

    private Topology(long version, long idSequence, SortedSet<PrincipalId> principals,
                     NavigableMap<PartitionId, Partition> partitions, NavigableMap<SubnetId, Subnet> subnets,
                     NavigableMap<SecurityGroupId, SecurityGroup> securityGroups,
                     NavigableMap<PlatformId, ServicePlatform> platforms,
                     NavigableMap<InstanceId, ResourceInstance> instances,
                     NavigableMap<InterfaceId, InterfaceRecord> interfaces,
                     NavigableMap<AttachmentId, Attachment> attachments, Topology previous, int changedKinds) {
        this.version = version;
        this.idSequence = idSequence;
        this.principals = Collections.unmodifiableSortedSet(principals);
        this.partitions = Collections.unmodifiableNavigableMap(partitions);
        this.subnets = Collections.unmodifiableNavigableMap(subnets);
        this.securityGroups = Collections.unmodifiableNavigableMap(securityGroups);
        this.platforms = Collections.unmodifiableNavigableMap(platforms);
        this.instances = Collections.unmodifiableNavigableMap(instances);
        this.interfaces = Collections.unmodifiableNavigableMap(interfaces);
        this.attachments = Collections.unmodifiableNavigableMap(attachments);
        this.interfaceIndex = previous != null && (changedKinds & Builder.INTERFACES) == 0
                ? previous.interfaceIndex : new Memo<>(() -> new InterfaceIndex(this.interfaces));
        this.attachmentIndex = previous != null && (changedKinds & Builder.ATTACHMENTS) == 0
                ? previous.attachmentIndex : new Memo<>(() -> new AttachmentIndex(this.attachments));
        this.placementIndex = previous != null && (changedKinds & Builder.INSTANCES) == 0
                ? previous.placementIndex : new Memo<>(() -> placements(this.instances));
        this.nicIndex = previous != null && (changedKinds & Builder.PLATFORMS) == 0
                ? previous.nicIndex : new Memo<>(() -> nics(this.platforms));
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
        Map<Ipv4Address, InterfaceId> byAddress = interfaceIndex.get().addresses.get(partition);
        return byAddress == null ? Optional.empty() : Optional.ofNullable(byAddress.get(address));
    }

    /** The interface holding public address {@code address} (public addresses are provider-wide). */
    public Optional<InterfaceId> publicAddressOwner(Ipv4Address address) {
        return Optional.ofNullable(interfaceIndex.get().publicAddresses.get(address));
    }

    /** Attachments of an interface record, by attachment id. */
    public List<Attachment> attachmentsOf(InterfaceId iface) {
        return attachmentIndex.get().byInterface.getOrDefault(iface, List.of());
    }

    /** Attachments on an instance, by device index. */
    public List<Attachment> attachmentsOn(InstanceId instance) {
        return attachmentIndex.get().byInstance.getOrDefault(instance, List.of());
    }

    /** The attachment at device index {@code deviceIndex} of an instance, if any. */
    public Optional<Attachment> attachmentAt(InstanceId instance, int deviceIndex) {
        return attachmentsOn(instance).stream().filter(a -> a.deviceIndex() == deviceIndex).findFirst();
    }

    /** Instances placed on a platform that are not terminated, by id. */
    public List<ResourceInstance> instancesOn(PlatformId platform) {
        return placementIndex.get().getOrDefault(platform, List.of());
    }

    /** Interfaces in a subnet, by id. */
    public List<InterfaceRecord> interfacesIn(SubnetId subnet) {
        return interfaceIndex.get().bySubnet.getOrDefault(subnet, List.of());
    }

    /** The platform that has physical NIC {@code nic}. */
    public Optional<ServicePlatform> platformOfNic(NicId nic) {
        return Optional.ofNullable(nicIndex.get().get(nic)).map(platforms::get);
    }

    /** Free addresses of a subnet: its size less the five reserved ones and those in use. */
    public long availableAddresses(SubnetId subnetId) {
        Subnet subnet = subnets.get(subnetId);
        if (subnet == null) {
            return 0;
        }
        long used = interfacesIn(subnetId).stream().mapToLong(r -> r.privateIps().size()).sum();
        return Math.max(0, subnet.usableAddresses() - used);
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

    /** A value computed once, on first use, and shared by every snapshot whose source map is the same. */
    private static final class Memo<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Memo(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private static final class InterfaceIndex {
        final Map<PartitionId, Map<Ipv4Address, InterfaceId>> addresses = new HashMap<>();
        final Map<Ipv4Address, InterfaceId> publicAddresses = new HashMap<>();
        final Map<SubnetId, List<InterfaceRecord>> bySubnet = new HashMap<>();

        InterfaceIndex(Map<InterfaceId, InterfaceRecord> interfaces) {
            for (InterfaceRecord record : interfaces.values()) {
                Map<Ipv4Address, InterfaceId> byAddress = addresses.computeIfAbsent(record.partition(), p -> new HashMap<>());
                for (Ipv4Address ip : record.privateIps()) {
                    byAddress.put(ip, record.id());
                }
                for (PublicAddress pub : record.publicIps()) {
                    publicAddresses.put(pub.publicIp(), record.id());
                }
                bySubnet.computeIfAbsent(record.subnet(), s -> new ArrayList<>()).add(record);
            }
        }
    }

    private static final class AttachmentIndex {
        final Map<InterfaceId, List<Attachment>> byInterface = new HashMap<>();
        final Map<InstanceId, List<Attachment>> byInstance = new HashMap<>();

        AttachmentIndex(Map<AttachmentId, Attachment> attachments) {
            for (Attachment attachment : attachments.values()) {
                byInterface.computeIfAbsent(attachment.iface(), i -> new ArrayList<>()).add(attachment);
                byInstance.computeIfAbsent(attachment.instance(), i -> new ArrayList<>()).add(attachment);
            }
            byInstance.values().forEach(list -> list.sort(Comparator.comparingInt(Attachment::deviceIndex)));
        }
    }

    private static Map<PlatformId, List<ResourceInstance>> placements(Map<InstanceId, ResourceInstance> instances) {
        Map<PlatformId, List<ResourceInstance>> byPlatform = new HashMap<>();
        for (ResourceInstance instance : instances.values()) {
            if (instance.state() != InstanceState.TERMINATED && instance.platform().isPresent()) {
                byPlatform.computeIfAbsent(instance.platform().get(), p -> new ArrayList<>()).add(instance);
            }
        }
        return byPlatform;
    }

    private static Map<NicId, PlatformId> nics(Map<PlatformId, ServicePlatform> platforms) {
        Map<NicId, PlatformId> nicPlatform = new HashMap<>();
        for (ServicePlatform platform : platforms.values()) {
            for (PhysicalNic nic : platform.nics()) {
                nicPlatform.put(nic.id(), platform.id());
            }
        }
        return nicPlatform;
    }

    /**
     * Makes the next snapshot. Each kind's map is copied the first time it is changed, so a request
     * that touches one attachment does not copy ten thousand interfaces.
     */
    public static final class Builder {
        private long version;
        private long idSequence;
        private SortedSet<PrincipalId> principals;
        private NavigableMap<PartitionId, Partition> partitions;
        private NavigableMap<SubnetId, Subnet> subnets;
        private NavigableMap<SecurityGroupId, SecurityGroup> securityGroups;
        private NavigableMap<PlatformId, ServicePlatform> platforms;
        private NavigableMap<InstanceId, ResourceInstance> instances;
        private NavigableMap<InterfaceId, InterfaceRecord> interfaces;
        private NavigableMap<AttachmentId, Attachment> attachments;
        private Topology last;
        private int copied;
        private final java.util.LinkedHashSet<Object> touched = new java.util.LinkedHashSet<>();

        private Builder(Topology base) {
            this.last = base;
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
        }

        static final int PRINCIPALS = 1, PARTITIONS = 2, SUBNETS = 4, GROUPS = 8, PLATFORMS = 16,
                INSTANCES = 32, INTERFACES = 64, ATTACHMENTS = 128;

        private boolean firstCopy(int kind) {
            boolean first = (copied & kind) == 0;
            copied |= kind;
            return first;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder idSequence(long value) {
            idSequence = value;
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

        public Builder putPrincipal(PrincipalId id) {
            touched.add(id);
            if (firstCopy(PRINCIPALS)) {
                principals = new TreeSet<>(principals);
            }
            principals.add(id);
            return this;
        }

        public Builder putPartition(Partition value) {
            touched.add(value.id());
            if (firstCopy(PARTITIONS)) {
                partitions = new TreeMap<>(partitions);
            }
            partitions.put(value.id(), value);
            return this;
        }

        public Builder removePartition(PartitionId id) {
            touched.add(id);
            if (firstCopy(PARTITIONS)) {
                partitions = new TreeMap<>(partitions);
            }
            partitions.remove(id);
            return this;
        }

        public Builder putSubnet(Subnet value) {
            touched.add(value.id());
            if (firstCopy(SUBNETS)) {
                subnets = new TreeMap<>(subnets);
            }
            subnets.put(value.id(), value);
            return this;
        }

        public Builder removeSubnet(SubnetId id) {
            touched.add(id);
            if (firstCopy(SUBNETS)) {
                subnets = new TreeMap<>(subnets);
            }
            subnets.remove(id);
            return this;
        }

        public Builder putSecurityGroup(SecurityGroup value) {
            touched.add(value.id());
            if (firstCopy(GROUPS)) {
                securityGroups = new TreeMap<>(securityGroups);
            }
            securityGroups.put(value.id(), value);
            return this;
        }

        public Builder removeSecurityGroup(SecurityGroupId id) {
            touched.add(id);
            if (firstCopy(GROUPS)) {
                securityGroups = new TreeMap<>(securityGroups);
            }
            securityGroups.remove(id);
            return this;
        }

        public Builder putPlatform(ServicePlatform value) {
            touched.add(value.id());
            if (firstCopy(PLATFORMS)) {
                platforms = new TreeMap<>(platforms);
            }
            platforms.put(value.id(), value);
            return this;
        }

        public Builder putInstance(ResourceInstance value) {
            touched.add(value.id());
            if (firstCopy(INSTANCES)) {
                instances = new TreeMap<>(instances);
            }
            instances.put(value.id(), value);
            return this;
        }

        public Builder putInterface(InterfaceRecord value) {
            touched.add(value.id());
            if (firstCopy(INTERFACES)) {
                interfaces = new TreeMap<>(interfaces);
            }
            interfaces.put(value.id(), value);
            return this;
        }

        public Builder removeInterface(InterfaceId id) {
            touched.add(id);
            if (firstCopy(INTERFACES)) {
                interfaces = new TreeMap<>(interfaces);
            }
            interfaces.remove(id);
            return this;
        }

        public Builder putAttachment(Attachment value) {
            touched.add(value.id());
            if (firstCopy(ATTACHMENTS)) {
                attachments = new TreeMap<>(attachments);
            }
            attachments.put(value.id(), value);
            return this;
        }

        public Builder removeAttachment(AttachmentId id) {
            touched.add(id);
            if (firstCopy(ATTACHMENTS)) {
                attachments = new TreeMap<>(attachments);
            }
            attachments.remove(id);
            return this;
        }

        public Topology build() {
            if (copied == 0 && version == last.version && idSequence == last.idSequence) {
                return last;
            }
            last = new Topology(version, idSequence, principals, partitions, subnets, securityGroups,
                    platforms, instances, interfaces, attachments, last, copied);
            // Later changes must not leak into the snapshot just handed out: copy again on next write.
            copied = 0;
            return last;
        }
    }
}
