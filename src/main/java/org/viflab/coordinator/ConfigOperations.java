package org.viflab.coordinator;

import java.util.ArrayList;
import java.util.List;
import org.viflab.model.Attachment;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.NatOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.ConfigOperation.RunOp;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/**
 * The configuration operations that realize (or retract) a piece of a topology. Each method reads
 * the snapshot it is given: removals read the state before a change, additions the state after.
 */
final class ConfigOperations {

    private ConfigOperations() {
    }

    /** The instances a record is attached to, sorted: the mapping entry of each of its addresses. */
    static List<InstanceId> attachedInstances(Topology topology, InterfaceRecord record) {
        List<Attachment> attachments = topology.attachmentsOf(record.id());
        if (attachments.isEmpty()) {
            return List.of();
        }
        if (attachments.size() == 1) {
            return List.of(attachments.get(0).instance());
        }
        List<InstanceId> instances = new ArrayList<>(attachments.size());
        for (Attachment attachment : attachments) {
            instances.add(attachment.instance());
        }
        instances.sort(null);
        return List.copyOf(instances);
    }

    /** {@code map} of every private address of a record, to the instances it is attached to. */
    static List<ConfigOperation> map(Topology topology, InterfaceRecord record) {
        return map(topology, record, record.privateIps());
    }

    static List<ConfigOperation> map(Topology topology, InterfaceRecord record, List<Ipv4Address> addresses) {
        List<InstanceId> instances = attachedInstances(topology, record);
        List<ConfigOperation> ops = new ArrayList<>(addresses.size());
        for (Ipv4Address ip : addresses) {
            ops.add(new MappingOp(record.partition(), true, ip, record.id(), instances));
        }
        return ops;
    }

    static List<ConfigOperation> unmap(InterfaceRecord record, List<Ipv4Address> addresses) {
        List<ConfigOperation> ops = new ArrayList<>();
        for (Ipv4Address ip : addresses) {
            ops.add(new MappingOp(record.partition(), false, ip, record.id(), List.of()));
        }
        return ops;
    }

    static List<ConfigOperation> nat(InterfaceRecord record) {
        List<ConfigOperation> ops = new ArrayList<>();
        for (PublicAddress pub : record.publicIps()) {
            ops.add(new NatOp(record.partition(), true, pub.publicIp(), pub.privateIp()));
        }
        return ops;
    }

    static List<ConfigOperation> unnat(InterfaceRecord record) {
        List<ConfigOperation> ops = new ArrayList<>();
        for (PublicAddress pub : record.publicIps()) {
            ops.add(new NatOp(record.partition(), false, pub.publicIp(), pub.privateIp()));
        }
        return ops;
    }

    /** {@code plug} and {@code load-groups} of an attachment, if its instance is running and placed. */
    static List<ConfigOperation> plug(Topology topology, Attachment attachment) {
        ResourceInstance instance = topology.instances().get(attachment.instance());
        if (instance == null || !instance.isActive()) {
            return List.of();
        }
        ServicePlatform platform = topology.platforms().get(instance.platform().orElseThrow());
        InterfaceRecord record = topology.interfaces().get(attachment.iface());
        PhysicalNic nic = platform.nicFor(attachment.deviceIndex());
        return List.of(
                new PlugOp(platform.id(), true, record.id(), instance.id(), attachment.deviceIndex(), nic.id(),
                        nic.mac(), record.partition(), record.subnet(), record.sourceDestCheck()),
                new GroupsLoadOp(platform.id(), true, record.id(), record.securityGroups()));
    }

    /**
     * {@code unload-groups} and {@code unplug} of an attachment, if its instance is running and placed.
     * The groups are loaded per record on a platform, so while another attachment of the same
     * (multi-attach) record stays plugged on that platform they stay loaded: only {@code unplug}.
     * {@code topology} is the state with this attachment still in it and any attachment removed
     * by the same request before it already gone.
     */
    static List<ConfigOperation> unplug(Topology topology, Attachment attachment) {
        ResourceInstance instance = topology.instances().get(attachment.instance());
        if (instance == null || !instance.isActive()) {
            return List.of();
        }
        ServicePlatform platform = topology.platforms().get(instance.platform().orElseThrow());
        InterfaceRecord record = topology.interfaces().get(attachment.iface());
        PhysicalNic nic = platform.nicFor(attachment.deviceIndex());
        PlugOp unplug = new PlugOp(platform.id(), false, record.id(), instance.id(), attachment.deviceIndex(), nic.id(),
                nic.mac(), record.partition(), record.subnet(), record.sourceDestCheck());
        if (pluggedBesides(topology, attachment, platform)) {
            return List.of(unplug);
        }
        return List.of(new GroupsLoadOp(platform.id(), false, record.id(), record.securityGroups()), unplug);
    }

    /** Whether another attachment of the same record is plugged on {@code platform} (a running instance there). */
    private static boolean pluggedBesides(Topology topology, Attachment attachment, ServicePlatform platform) {
        for (Attachment other : topology.attachmentsOf(attachment.iface())) {
            if (other.id().equals(attachment.id())) {
                continue;
            }
            ResourceInstance instance = topology.instances().get(other.instance());
            if (instance != null && instance.isActive() && instance.platform().get().equals(platform.id())) {
                return true;
            }
        }
        return false;
    }

    /** The hypervisor runs an instance and plugs all its attachments (start, place, move's arrival). */
    static List<ConfigOperation> activate(Topology topology, ResourceInstance instance) {
        if (!instance.isActive()) {
            return List.of();
        }
        List<ConfigOperation> ops = new ArrayList<>();
        ops.add(new RunOp(instance.platform().orElseThrow(), instance.id(), true));
        for (Attachment attachment : topology.attachmentsOn(instance.id())) {
            ops.addAll(plug(topology, attachment));
        }
        return ops;
    }

    /** Unplugs all attachments of an instance and halts it (stop, terminate, move's departure). */
    static List<ConfigOperation> deactivate(Topology topology, ResourceInstance instance) {
        if (!instance.isActive()) {
            return List.of();
        }
        List<ConfigOperation> ops = new ArrayList<>();
        for (Attachment attachment : topology.attachmentsOn(instance.id())) {
            ops.addAll(unplug(topology, attachment));
        }
        ops.add(new RunOp(instance.platform().orElseThrow(), instance.id(), false));
        return ops;
    }
}
