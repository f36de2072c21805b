package org.viflab.fabric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.viflab.model.Attachment;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupOp;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.NatOp;
import org.viflab.model.ConfigOperation.NicOp;
import org.viflab.model.ConfigOperation.PartitionOp;
import org.viflab.model.ConfigOperation.PlatformOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.ConfigOperation.RouterOp;
import org.viflab.model.ConfigOperation.RunOp;
import org.viflab.model.ConfigOperation.SourceDestCheckOp;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.MacAddress;
import org.viflab.net.Protocol;

/**
 * The realized state of the provider network: what the simulated devices have been programmed
 * with. One {@link PartitionTable} per partition (gateways, mapping table, NAT table, group rules),
 * one {@link Router} per subnet and one {@link Hypervisor} per service platform, plus provider-wide
 * indexes (public addresses, where each instance runs, the addresses of each record).
 *
 * <p>{@link #apply(ConfigOperation)} is the only way to change a fabric once built;
 * {@link #compile(Topology)} builds, straight from a topology, the fabric that topology should
 * produce, so that "once the queue is empty, {@code fabric == compile(repository)}" can be checked.
 * Equality is by content (derived indexes excluded).
 *
 * <p>Not thread-safe: the lab's single writer applies operations; readers trace between them.
 */
public final class Fabric {

    private final Map<PartitionId, PartitionTable> partitions;
    private final Map<SubnetId, Router> routers;
    private final Map<PlatformId, Hypervisor> hypervisors;

    // Derived indexes, kept in step by the mutators below.
    private final Map<Ipv4Address, PartitionId> publicIndex;
    private final Map<InstanceId, PlatformId> runningIndex;
    private final Map<InterfaceId, TreeSet<Ipv4Address>> addressesByInterface;
    private final Map<InterfaceId, PartitionId> partitionByInterface;
    private final Map<InterfaceId, Set<PlatformId>> groupsLoadedOn;

    /** An empty fabric: no partition, no router, no platform. */
    public Fabric() {
        partitions = new HashMap<>();
        routers = new HashMap<>();
        hypervisors = new HashMap<>();
        publicIndex = new HashMap<>();
        runningIndex = new HashMap<>();
        addressesByInterface = new HashMap<>();
        partitionByInterface = new HashMap<>();
        groupsLoadedOn = new HashMap<>();
    }

    private Fabric(Fabric other) {
        partitions = new HashMap<>();
        other.partitions.forEach((k, v) -> partitions.put(k, v.copy()));
        routers = new HashMap<>();
        other.routers.forEach((k, v) -> routers.put(k, v.copy()));
        hypervisors = new HashMap<>();
        other.hypervisors.forEach((k, v) -> hypervisors.put(k, v.copy()));
        publicIndex = new HashMap<>(other.publicIndex);
        runningIndex = new HashMap<>(other.runningIndex);
        addressesByInterface = new HashMap<>();
        other.addressesByInterface.forEach((k, v) -> addressesByInterface.put(k, new TreeSet<>(v)));
        partitionByInterface = new HashMap<>(other.partitionByInterface);
        groupsLoadedOn = new HashMap<>();
        other.groupsLoadedOn.forEach((k, v) -> groupsLoadedOn.put(k, new HashSet<>(v)));
    }

    /** A deep copy: changing one does not change the other. */
    public Fabric copy() {
        return new Fabric(this);
    }

    /**
     * The rules of a partition's default group when the topology holds no group of that id:
     * ingress from members of the same group, egress anywhere.
     */
    public static SecurityGroup defaultGroup(Partition partition) {
        return new SecurityGroup(partition.defaultGroup(), partition.id(), "default group of " + partition.id(),
                List.of(new Rule(Protocol.ALL, null, RulePeer.of(partition.defaultGroup()))),
                SecurityGroup.allowAllEgress());
    }

    // ------------------------------------------------------------------ compile

    /**
     * The fabric a topology should produce: every partition with its default group, every subnet's
     * router with its effective routes, every group, every platform with its NICs, a mapping entry
     * per private address and a NAT entry per public one of every record, and, for each instance
     * that is running and placed, its run entry and a plug (on the NIC
     * {@link ServicePlatform#nicFor} picks) with its loaded groups for each of its attachments.
     */
    public static Fabric compile(Topology topology) {
        Fabric fabric = new Fabric();
        for (Partition partition : topology.partitions().values()) {
            PartitionTable table = new PartitionTable(partition.id(), partition.cidr(), partition.internetGateway(),
                    partition.vpnOnPremises().orElse(null));
            fabric.partitions.put(partition.id(), table);
            SecurityGroup defaults = topology.securityGroup(partition.defaultGroup())
                    .orElseGet(() -> defaultGroup(partition));
            table.define(defaults.id(), new GroupRules(defaults.ingress(), defaults.egress()));
        }
        for (Subnet subnet : topology.subnets().values()) {
            Partition partition = topology.partitions().get(subnet.partition());
            if (partition == null) {
                throw new IllegalArgumentException("subnet " + subnet.id() + " names unknown partition " + subnet.partition());
            }
            Router router = new Router(subnet.id(), subnet.partition(), subnet.cidr());
            for (Route route : subnet.effectiveRoutes(partition.cidr())) {
                router.route(route.to(), route.via());
            }
            fabric.routers.put(subnet.id(), router);
        }
        for (SecurityGroup group : topology.securityGroups().values()) {
            fabric.table(group.partition(), "group " + group.id())
                    .define(group.id(), new GroupRules(group.ingress(), group.egress()));
        }
        for (ServicePlatform platform : topology.platforms().values()) {
            fabric.hypervisors.put(platform.id(), new Hypervisor(platform.id(), platform.zone(), platform.nics()));
        }
        for (InterfaceRecord record : topology.interfaces().values()) {
            PartitionTable table = fabric.table(record.partition(), "interface " + record.id());
            TreeSet<InstanceId> attachedTo = new TreeSet<>();
            for (Attachment attachment : topology.attachmentsOf(record.id())) {
                attachedTo.add(attachment.instance());
            }
            MappingEntry entry = new MappingEntry(record.id(), List.copyOf(attachedTo));
            for (Ipv4Address ip : record.privateIps()) {
                fabric.putMapping(table, ip, entry);
            }
            for (PublicAddress pub : record.publicIps()) {
                fabric.putNat(table, pub.publicIp(), pub.privateIp());
            }
        }
        for (ResourceInstance instance : topology.instances().values()) {
            if (!instance.isActive()) {
                continue;
            }
            PlatformId platformId = instance.platform().get();
            ServicePlatform platform = topology.platforms().get(platformId);
            Hypervisor hypervisor = fabric.hypervisor(platformId, "instance " + instance.id());
            fabric.run(hypervisor, instance.id());
            for (Attachment attachment : topology.attachmentsOn(instance.id())) {
                InterfaceRecord record = topology.interfaces().get(attachment.iface());
                if (record == null) {
                    throw new IllegalArgumentException("attachment " + attachment.id() + " names unknown interface "
                            + attachment.iface());
                }
                PhysicalNic nic = platform.nicFor(attachment.deviceIndex());
                fabric.plug(hypervisor, new Plug(platformId, record.id(), instance.id(), attachment.deviceIndex(),
                        nic.id(), nic.mac(), record.partition(), record.subnet(), record.sourceDestCheck()));
                fabric.loadGroups(hypervisor, record.id(), record.securityGroups());
            }
        }
        return fabric;
    }

    // ------------------------------------------------------------------ apply

    /**
     * Applies one configuration operation. An operation that sets an entry of a partition, router or
     * platform the fabric does not have is a programming error ({@link IllegalStateException});
     * one that removes an entry that is not there changes nothing.
     */
    public void apply(ConfigOperation op) {
        Objects.requireNonNull(op, "op");
        if (op instanceof PartitionOp p) {
            applyPartition(p);
        } else if (op instanceof RouterOp r) {
            applyRouter(r);
        } else if (op instanceof GroupOp g) {
            applyGroup(g);
        } else if (op instanceof MappingOp m) {
            applyMapping(m);
        } else if (op instanceof NatOp n) {
            applyNat(n);
        } else if (op instanceof PlatformOp p) {
            applyPlatform(p);
        } else if (op instanceof NicOp n) {
            if (!hypervisor(n.platform(), op.text()).setNic(n.nic(), n.up())) {
                throw new IllegalStateException(op.text() + ": platform " + n.platform() + " has no NIC " + n.nic());
            }
        } else if (op instanceof RunOp r) {
            if (r.run()) {
                run(hypervisor(r.platform(), op.text()), r.instance());
            } else {
                Hypervisor hypervisor = hypervisors.get(r.platform());
                if (hypervisor != null) {
                    halt(hypervisor, r.instance());
                }
            }
        } else if (op instanceof PlugOp p) {
            applyPlug(p);
        } else if (op instanceof GroupsLoadOp g) {
            if (g.load()) {
                loadGroups(hypervisor(g.platform(), op.text()), g.iface(), g.groups());
            } else {
                Hypervisor hypervisor = hypervisors.get(g.platform());
                if (hypervisor != null) {
                    unloadGroups(hypervisor, g.iface());
                }
            }
        } else if (op instanceof SourceDestCheckOp s) {
            hypervisor(s.platform(), op.text()).setSourceDestCheck(s.iface(), s.on());
        } else {
            throw new IllegalArgumentException("unknown configuration operation " + op.getClass().getName());
        }
    }

    /** Applies operations in order. */
    public void applyAll(List<? extends ConfigOperation> ops) {
        for (ConfigOperation op : ops) {
            apply(op);
        }
    }

    private void applyPartition(PartitionOp op) {
        if (op.create()) {
            PartitionTable table = partitions.get(op.partition());
            if (table == null) {
                partitions.put(op.partition(),
                        new PartitionTable(op.partition(), op.cidr(), op.internetGateway(), op.vpnOnPremises()));
            } else {
                table.setGateways(op.cidr(), op.internetGateway(), op.vpnOnPremises());
            }
            return;
        }
        PartitionTable removed = partitions.remove(op.partition());
        if (removed == null) {
            return;
        }
        // A partition that goes takes its tables along: mapping, NAT, groups, routers.
        for (Map.Entry<Ipv4Address, MappingEntry> e : removed.mappings().entrySet()) {
            dropAddress(e.getValue().iface(), e.getKey());
        }
        for (Ipv4Address pub : removed.nat().keySet()) {
            publicIndex.remove(pub, op.partition());
        }
        routers.values().removeIf(router -> router.partition().equals(op.partition()));
    }

    private void applyRouter(RouterOp op) {
        switch (op.kind()) {
            case CREATE -> {
                Router router = routers.get(op.subnet());
                if (router == null) {
                    routers.put(op.subnet(), new Router(op.subnet(), op.partition(), op.cidr()));
                } else {
                    router.reset(op.partition(), op.cidr());
                }
            }
            case DELETE -> routers.remove(op.subnet());
            case ROUTE -> router(op.subnet(), op.text()).route(op.cidr(), op.via());
            case UNROUTE -> {
                Router router = routers.get(op.subnet());
                if (router != null) {
                    router.unroute(op.cidr());
                }
            }
            default -> throw new IllegalStateException("unknown router operation " + op.kind());
        }
    }

    private void applyGroup(GroupOp op) {
        if (op.define()) {
            table(op.partition(), op.text()).define(op.group(), new GroupRules(op.ingress(), op.egress()));
        } else {
            PartitionTable table = partitions.get(op.partition());
            if (table != null) {
                table.undefine(op.group());
            }
        }
    }

    private void applyMapping(MappingOp op) {
        if (op.map()) {
            putMapping(table(op.partition(), op.text()), op.address(), new MappingEntry(op.iface(), op.instances()));
        } else {
            PartitionTable table = partitions.get(op.partition());
            if (table != null) {
                MappingEntry removed = table.unmap(op.address());
                if (removed != null) {
                    dropAddress(removed.iface(), op.address());
                }
            }
        }
    }

    private void applyNat(NatOp op) {
        if (op.nat()) {
            putNat(table(op.partition(), op.text()), op.publicIp(), op.privateIp());
        } else {
            PartitionTable table = partitions.get(op.partition());
            if (table != null && table.unnat(op.publicIp())) {
                publicIndex.remove(op.publicIp(), op.partition());
            }
        }
    }

    private void applyPlatform(PlatformOp op) {
        Hypervisor hypervisor = hypervisors.get(op.platform());
        if (hypervisor == null) {
            hypervisors.put(op.platform(), new Hypervisor(op.platform(), op.zone(), op.nics()));
        } else {
            hypervisor.reset(op.zone(), op.nics());
        }
    }

    private void applyPlug(PlugOp op) {
        if (op.plug()) {
            plug(hypervisor(op.platform(), op.text()), new Plug(op.platform(), op.iface(), op.instance(),
                    op.deviceIndex(), op.nic(), op.mac(), op.partition(), op.subnet(), op.sourceDestCheck()));
        } else {
            Hypervisor hypervisor = hypervisors.get(op.platform());
            if (hypervisor != null) {
                unplug(hypervisor, op.iface(), op.instance());
            }
        }
    }

    // ------------------------------------------------------------------ mutators keeping indexes

    private PartitionTable table(PartitionId id, String what) {
        PartitionTable table = partitions.get(id);
        if (table == null) {
            throw new IllegalStateException(what + ": partition " + id + " is not in the fabric");
        }
        return table;
    }

    private Router router(SubnetId id, String what) {
        Router router = routers.get(id);
        if (router == null) {
            throw new IllegalStateException(what + ": subnet " + id + " has no router in the fabric");
        }
        return router;
    }

    private Hypervisor hypervisor(PlatformId id, String what) {
        Hypervisor hypervisor = hypervisors.get(id);
        if (hypervisor == null) {
            throw new IllegalStateException(what + ": platform " + id + " is not in the fabric");
        }
        return hypervisor;
    }

    private void putMapping(PartitionTable table, Ipv4Address ip, MappingEntry entry) {
        MappingEntry before = table.map(ip, entry);
        if (before != null && !before.iface().equals(entry.iface())) {
            dropAddress(before.iface(), ip);
        }
        addressesByInterface.computeIfAbsent(entry.iface(), i -> new TreeSet<>()).add(ip);
        partitionByInterface.put(entry.iface(), table.id());
    }

    private void dropAddress(InterfaceId iface, Ipv4Address ip) {
        TreeSet<Ipv4Address> addresses = addressesByInterface.get(iface);
        if (addresses != null) {
            addresses.remove(ip);
            if (addresses.isEmpty()) {
                addressesByInterface.remove(iface);
                partitionByInterface.remove(iface);
            }
        }
    }

    private void putNat(PartitionTable table, Ipv4Address publicIp, Ipv4Address privateIp) {
        // A public address is provider-wide: its entry has one place only.
        PartitionId previous = publicIndex.get(publicIp);
        if (previous != null && !previous.equals(table.id())) {
            PartitionTable old = partitions.get(previous);
            if (old != null) {
                old.unnat(publicIp);
            }
        }
        table.nat(publicIp, privateIp);
        publicIndex.put(publicIp, table.id());
    }

    private void run(Hypervisor hypervisor, InstanceId instance) {
        hypervisor.run(instance);
        runningIndex.put(instance, hypervisor.id());
    }

    private void halt(Hypervisor hypervisor, InstanceId instance) {
        if (hypervisor.halt(instance) && hypervisor.id().equals(runningIndex.get(instance))) {
            runningIndex.remove(instance);
            for (Hypervisor other : hypervisors.values()) {
                if (other.runs(instance)) {
                    runningIndex.put(instance, other.id());
                    break;
                }
            }
        }
    }

    private void plug(Hypervisor hypervisor, Plug plug) {
        hypervisor.plug(plug);
    }

    private void unplug(Hypervisor hypervisor, InterfaceId iface, InstanceId instance) {
        if (hypervisor.unplug(iface, instance) && hypervisor.loadedGroups(iface) == null) {
            forgetGroupsLoaded(iface, hypervisor.id());
        }
    }

    private void loadGroups(Hypervisor hypervisor, InterfaceId iface, List<SecurityGroupId> groups) {
        hypervisor.loadGroups(iface, groups);
        groupsLoadedOn.computeIfAbsent(iface, i -> new HashSet<>(2)).add(hypervisor.id());
    }

    /**
     * {@code unload-groups} names a platform and a record, not an instance. While the hypervisor has
     * the record plugged into more than one instance (a multi-attach record, one instance leaving),
     * the groups stay for the others; the unload of the last plug, or its unplug, removes them.
     */
    private void unloadGroups(Hypervisor hypervisor, InterfaceId iface) {
        if (hypervisor.plugCount(iface) > 1) {
            return;
        }
        if (hypervisor.unloadGroups(iface)) {
            forgetGroupsLoaded(iface, hypervisor.id());
        }
    }

    private void forgetGroupsLoaded(InterfaceId iface, PlatformId platform) {
        Set<PlatformId> on = groupsLoadedOn.get(iface);
        if (on != null) {
            on.remove(platform);
            if (on.isEmpty()) {
                groupsLoadedOn.remove(iface);
            }
        }
    }

    // ------------------------------------------------------------------ reads

    /** Every partition's tables (read-only). */
    public Map<PartitionId, PartitionTable> partitions() {
        return Collections.unmodifiableMap(partitions);
    }

    /** A partition's tables, or {@code null}. */
    public PartitionTable partition(PartitionId id) {
        return partitions.get(id);
    }

    /** Every subnet's router (read-only). */
    public Map<SubnetId, Router> routers() {
        return Collections.unmodifiableMap(routers);
    }

    /** A subnet's router, or {@code null}. */
    public Router router(SubnetId subnet) {
        return routers.get(subnet);
    }

    /** Every platform's hypervisor (read-only). */
    public Map<PlatformId, Hypervisor> hypervisors() {
        return Collections.unmodifiableMap(hypervisors);
    }

    /** A platform's hypervisor, or {@code null}. */
    public Hypervisor hypervisor(PlatformId platform) {
        return hypervisors.get(platform);
    }

    /** The platform an instance runs on, or {@code null} when no hypervisor runs it. */
    public PlatformId runningPlatform(InstanceId instance) {
        return runningIndex.get(instance);
    }

    /** The partition whose internet gateway holds a public address, or {@code null}. */
    public PartitionId publicAddressPartition(Ipv4Address publicIp) {
        return publicIndex.get(publicIp);
    }

    /** Every public address of the provider and the partition holding it (read-only). */
    public Map<Ipv4Address, PartitionId> publicAddresses() {
        return Collections.unmodifiableMap(publicIndex);
    }

    /** The private addresses a record owns in the mapping tables, lowest first. */
    public SortedSet<Ipv4Address> addressesOf(InterfaceId iface) {
        TreeSet<Ipv4Address> addresses = addressesByInterface.get(iface);
        return addresses == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(addresses);
    }

    /** The partition whose mapping table holds a record's addresses, or {@code null}. */
    public PartitionId partitionOf(InterfaceId iface) {
        return partitionByInterface.get(iface);
    }

    /** The mapping entry of a record's lowest address (who it is attached to), or {@code null}. */
    public MappingEntry mappingOf(InterfaceId iface) {
        TreeSet<Ipv4Address> addresses = addressesByInterface.get(iface);
        if (addresses == null) {
            return null;
        }
        PartitionTable table = partitions.get(partitionByInterface.get(iface));
        return table == null ? null : table.mappingAt(addresses.first());
    }

    /**
     * The groups some hypervisor has loaded for a record (membership of a group, for rules whose
     * peer is a group), or {@code null} when none has.
     */
    public List<SecurityGroupId> loadedGroupsOf(InterfaceId iface) {
        Set<PlatformId> on = groupsLoadedOn.get(iface);
        if (on == null) {
            return null;
        }
        for (PlatformId platform : on) {
            List<SecurityGroupId> groups = hypervisors.get(platform).loadedGroups(iface);
            if (groups != null) {
                return groups;
            }
        }
        return null;
    }

    /** Every plug of a record, on any platform, by platform then instance. */
    public List<Plug> plugsOf(InterfaceId iface) {
        List<Plug> found = new ArrayList<>();
        for (Hypervisor hypervisor : hypervisors.values()) {
            for (Plug plug : hypervisor.plugs().values()) {
                if (plug.iface().equals(iface)) {
                    found.add(plug);
                }
            }
        }
        found.sort((a, b) -> a.platform().equals(b.platform()) ? a.instance().compareTo(b.instance())
                : a.platform().compareTo(b.platform()));
        return found;
    }

    /** The MACs of the physical NICs carrying a record now (empty when it is not plugged). */
    public List<MacAddress> macsOf(InterfaceId iface) {
        TreeSet<String> seen = new TreeSet<>();
        List<MacAddress> macs = new ArrayList<>();
        for (Plug plug : plugsOf(iface)) {
            if (seen.add(plug.mac().toString())) {
                macs.add(plug.mac());
            }
        }
        return macs;
    }

    /** Whether nothing has been programmed yet. */
    public boolean isEmpty() {
        return partitions.isEmpty() && routers.isEmpty() && hypervisors.isEmpty();
    }

    /**
     * Human-readable differences from another fabric, one line per differing entry (empty when
     * equal): what a failing "apply == compile" check prints.
     */
    public List<String> differences(Fabric other) {
        List<String> out = new ArrayList<>();
        diff(out, "partition", partitions, other.partitions, (id, a, b) -> {
            diff(out, "partition " + id + " mapping", a.mappings(), b.mappings(), null);
            diff(out, "partition " + id + " nat", a.nat(), b.nat(), null);
            diff(out, "partition " + id + " group", a.groups(), b.groups(), null);
            if (!a.cidr().equals(b.cidr()) || a.hasInternetGateway() != b.hasInternetGateway()
                    || !Objects.equals(a.vpnOnPremisesOrNull(), b.vpnOnPremisesOrNull())) {
                out.add("partition " + id + " gateways: " + a + " vs " + b);
            }
        });
        diff(out, "router", routers, other.routers, null);
        diff(out, "hypervisor", hypervisors, other.hypervisors, (id, a, b) -> {
            if (!a.zone().equals(b.zone()) || !a.nics().equals(b.nics())) {
                out.add("hypervisor " + id + " nics: " + a.nics() + " vs " + b.nics());
            }
            if (!a.running().equals(b.running())) {
                out.add("hypervisor " + id + " running: " + new TreeSet<>(a.running()) + " vs "
                        + new TreeSet<>(b.running()));
            }
            diff(out, "hypervisor " + id + " plug", a.plugs(), b.plugs(), null);
            diff(out, "hypervisor " + id + " groups", a.allLoadedGroups(), b.allLoadedGroups(), null);
        });
        return out;
    }

    private interface Deeper<K, V> {
        void compare(K key, V a, V b);
    }

    private static <K, V> void diff(List<String> out, String what, Map<K, V> a, Map<K, V> b, Deeper<K, V> deeper) {
        TreeSet<String> keys = new TreeSet<>();
        Map<String, K> byText = new HashMap<>();
        for (K k : a.keySet()) {
            keys.add(k.toString());
            byText.put(k.toString(), k);
        }
        for (K k : b.keySet()) {
            keys.add(k.toString());
            byText.put(k.toString(), k);
        }
        for (String text : keys) {
            K key = byText.get(text);
            V left = a.get(key);
            V right = b.get(key);
            if (Objects.equals(left, right)) {
                continue;
            }
            if (left != null && right != null && deeper != null) {
                deeper.compare(key, left, right);
            } else {
                out.add(what + " " + text + ": " + left + " vs " + right);
            }
        }
    }

    /** Content equality: the partition tables, routers and hypervisors. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Fabric f && partitions.equals(f.partitions) && routers.equals(f.routers)
                && hypervisors.equals(f.hypervisors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitions, routers, hypervisors);
    }

    @Override
    public String toString() {
        int mappings = 0;
        for (PartitionTable table : partitions.values()) {
            mappings += table.mappings().size();
        }
        int plugs = 0;
        for (Hypervisor hypervisor : hypervisors.values()) {
            plugs += hypervisor.plugs().size();
        }
        return "Fabric{partitions=" + partitions.size() + ", routers=" + routers.size() + ", hypervisors="
                + hypervisors.size() + ", mappings=" + mappings + ", plugs=" + plugs + "}";
    }
}
