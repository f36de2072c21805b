package org.viflab.flow;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.viflab.fabric.FabricKey;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Sentence;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;

/**
 * Resolves a {@link Flow}'s endpoints against a topology, as packet-flow.md describes:
 *
 * <ul>
 *   <li>an object id is an instance if such an instance exists, else an interface record;</li>
 *   <li>{@code to} an instance: its device-0 record; {@code to} a record: its primary private
 *       address, or its first public address when the flow comes from the internet;</li>
 *   <li>{@code from} an instance: its attached record whose subnet contains the destination (the
 *       lowest device index if several do), else its device-0 record, from that record's primary
 *       address; {@code from} a record: that record, sent by the instance it is attached to (the
 *       lowest id if several);</li>
 *   <li>{@code from: internet}: 198.51.100.10 unless given; {@code from: vpn:<p>}: the first usable
 *       address of p's on-premises CIDR unless given.</li>
 * </ul>
 *
 * Unknown ids, and endpoints that cannot send, are the caller's mistakes (often a person's typing):
 * a {@link FlowException} naming them, in English as its message and in any language as its sentence.
 */
public final class FlowResolver {

    private FlowResolver() {
    }

    /** Resolves {@code flow} in {@code topology}. */
    public static ResolvedFlow resolve(Topology topology, Flow flow) {
        return resolve(topology, flow, null);
    }

    /**
     * Resolves and adds to {@code reads} the fabric keys whose operations may change the answer
     * (the records and instances read), so that watched flows know when to resolve again.
     */
    static ResolvedFlow resolve(Topology topology, Flow flow, Collection<FabricKey> reads) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(flow, "flow");
        Endpoint from = flow.from();
        return switch (from.kind()) {
            case INTERNET -> {
                Ipv4Address source = from.host().orElse(Endpoint.DEFAULT_INTERNET_HOST);
                Target to = destination(topology, flow.to(), true, reads);
                yield new ResolvedFlow(flow, ResolvedFlow.Origin.INTERNET, null, null, source, null, to.address,
                        to.unresolved);
            }
            case VPN -> {
                Partition partition = partition(topology, from.partition(), reads);
                Ipv4Address source = from.host().orElseGet(() -> firstUsable(partition));
                Target to = destination(topology, flow.to(), false, reads);
                yield new ResolvedFlow(flow, ResolvedFlow.Origin.VPN, null, null, source, partition.id(), to.address,
                        to.unresolved);
            }
            case ADDRESS -> throw new FlowException(Sentence.of(Reason.NOT_SENT_FROM_ADDRESS, from.address()));
            case OBJECT -> fromObject(topology, flow, from.objectId(), reads);
        };
    }

    private static ResolvedFlow fromObject(Topology topology, Flow flow, String id, Collection<FabricKey> reads) {
        Target to = destination(topology, flow.to(), false, reads);
        ResourceInstance instance = instanceOrNull(topology, id);
        if (instance != null) {
            note(reads, FabricKey.instance(instance.id()));
            List<Attachment> attachments = topology.attachmentsOn(instance.id());
            if (attachments.isEmpty()) {
                throw new FlowException(Sentence.of(Reason.INSTANCE_NO_INTERFACE_TO_SEND_FROM, id));
            }
            InterfaceRecord chosen = null;
            InterfaceRecord device0 = null;
            for (Attachment attachment : attachments) { // by device index
                InterfaceRecord record = topology.interfaces().get(attachment.iface());
                if (record == null) {
                    continue;
                }
                note(reads, FabricKey.iface(record.id()));
                if (device0 == null) {
                    device0 = record; // attachments come by device index: device 0, else the lowest
                }
                Subnet subnet = topology.subnets().get(record.subnet());
                if (chosen == null && to.address != null && subnet != null && subnet.cidr().contains(to.address)) {
                    chosen = record;
                }
            }
            if (device0 == null) {
                throw new FlowException(Sentence.of(Reason.INSTANCE_NO_INTERFACE_TO_SEND_FROM, id));
            }
            InterfaceRecord sender = chosen != null ? chosen : device0;
            return new ResolvedFlow(flow, ResolvedFlow.Origin.INSTANCE, instance.id(), sender.id(), sender.primaryIp(),
                    sender.partition(), to.address, to.unresolved);
        }
        InterfaceRecord record = recordOrNull(topology, id);
        if (record == null) {
            throw new FlowException(Sentence.of(Reason.NOTHING_NAMED, id));
        }
        note(reads, FabricKey.iface(record.id()));
        InstanceId sender = null;
        for (Attachment attachment : topology.attachmentsOf(record.id())) {
            if (sender == null || attachment.instance().compareTo(sender) < 0) {
                sender = attachment.instance();
            }
        }
        return new ResolvedFlow(flow, ResolvedFlow.Origin.INTERFACE, sender, record.id(), record.primaryIp(),
                record.partition(), to.address, to.unresolved);
    }

    /** A destination address, or why there is none. */
    private record Target(Ipv4Address address, Sentence unresolved) {
    }

    private static Target destination(Topology topology, Endpoint to, boolean fromInternet,
                                       Collection<FabricKey> reads) {
        return switch (to.kind()) {
            case ADDRESS -> new Target(to.address(), null);
            case INTERNET -> new Target(to.host().orElse(Endpoint.DEFAULT_INTERNET_HOST), null);
            case VPN -> {
                Partition partition = partition(topology, to.partition(), reads);
                yield new Target(to.host().orElseGet(() -> firstUsable(partition)), null);
            }
            case OBJECT -> {
                String id = to.objectId();
                InterfaceRecord record;
                ResourceInstance instance = instanceOrNull(topology, id);
                if (instance != null) {
                    note(reads, FabricKey.instance(instance.id()));
                    Attachment device0 = null;
                    for (Attachment attachment : topology.attachmentsOn(instance.id())) {
                        if (attachment.deviceIndex() == 0) {
                            device0 = attachment;
                        }
                    }
                    if (device0 == null) {
                        throw new FlowException(Sentence.of(Reason.INSTANCE_NO_DEVICE_0_INTERFACE_TO_SEND_TO, id));
                    }
                    record = topology.interfaces().get(device0.iface());
                    if (record == null) {
                        throw new FlowException(Sentence.of(Reason.INSTANCE_NO_DEVICE_0_INTERFACE_TO_SEND_TO, id));
                    }
                } else {
                    record = recordOrNull(topology, id);
                    if (record == null) {
                        throw new FlowException(Sentence.of(Reason.NOTHING_NAMED, id));
                    }
                }
                note(reads, FabricKey.iface(record.id()));
                if (!fromInternet) {
                    yield new Target(record.primaryIp(), null);
                }
                if (record.publicIps().isEmpty()) {
                    yield new Target(null, Sentence.of(Reason.NO_PUBLIC_ADDRESS_INTERNET_CANNOT_REACH, record.id()));
                }
                yield new Target(record.publicIps().get(0).publicIp(), null);
            }
        };
    }

    private static Partition partition(Topology topology, PartitionId id, Collection<FabricKey> reads) {
        Partition partition = topology.partitions().get(id);
        if (partition == null) {
            throw new FlowException(Sentence.of(Reason.NO_PARTITION_NAMED, id));
        }
        note(reads, FabricKey.partition(id));
        return partition;
    }

    /** The first usable address of the partition's on-premises CIDR (its network address + 1). */
    private static Ipv4Address firstUsable(Partition partition) {
        Ipv4Prefix onPremises = partition.vpnOnPremises().orElseThrow(() -> new FlowException(
                Sentence.of(Reason.PARTITION_NO_VPN_GATEWAY_NO_ON_PREMISES_HOST, partition.id())));
        return onPremises.size() > 2 ? onPremises.addressAt(1) : onPremises.network();
    }

    private static ResourceInstance instanceOrNull(Topology topology, String id) {
        try {
            return topology.instances().get(InstanceId.instanceId(id));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static InterfaceRecord recordOrNull(Topology topology, String id) {
        try {
            return topology.interfaces().get(InterfaceId.interfaceId(id));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static void note(Collection<FabricKey> reads, FabricKey key) {
        if (reads != null) {
            reads.add(key);
        }
    }
}
