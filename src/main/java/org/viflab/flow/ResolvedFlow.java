package org.viflab.flow;

import java.util.Objects;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.PartitionId;
import org.viflab.model.Sentence;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Protocol;

/**
 * A flow with its endpoints resolved against a topology: who sends (an interface and the instance
 * sending through it, or an outside host), from which address, to which address, read in which
 * partition. The tracer needs nothing else, so it never reads the topology.
 *
 * @param senderInstance  the sending instance; {@code null} for outside hosts and for a record
 *                        attached to nothing
 * @param senderInterface the sending record, for {@link Origin#INSTANCE} and {@link Origin#INTERFACE}
 * @param partition       where the destination address is read: the sender's partition, the VPN's
 *                        partition, {@code null} from the internet (a public address is provider-wide)
 * @param destination     {@code null} when the destination cannot be named (then {@code unresolved}
 *                        says why, e.g. a record without public address addressed from the internet)
 */
public record ResolvedFlow(Flow flow, Origin origin, InstanceId senderInstance, InterfaceId senderInterface,
                           Ipv4Address source, PartitionId partition, Ipv4Address destination, Sentence unresolved) {

    /** Where the packet starts. */
    public enum Origin { INSTANCE, INTERFACE, INTERNET, VPN }

    public ResolvedFlow {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        boolean fromInterface = origin == Origin.INSTANCE || origin == Origin.INTERFACE;
        if (fromInterface != (senderInterface != null)) {
            throw new IllegalArgumentException("a flow from an instance or interface, and only it, names the sending interface");
        }
        if (origin == Origin.INSTANCE && senderInstance == null) {
            throw new IllegalArgumentException("a flow from an instance names it");
        }
        if ((origin == Origin.VPN || fromInterface) && partition == null) {
            throw new IllegalArgumentException("a flow from " + origin + " names the partition it is read in");
        }
        if ((destination == null) == (unresolved == null)) {
            throw new IllegalArgumentException("a resolved flow has a destination or says why it has none");
        }
    }

    public Protocol protocol() {
        return flow.protocol();
    }

    public int sourcePort() {
        return flow.sourcePort();
    }

    public int destinationPort() {
        return flow.port();
    }

    @Override
    public String toString() {
        return flow + " [" + source + (senderInterface != null ? " via " + senderInterface : "") + " → "
                + (destination != null ? destination : "?") + (partition != null ? " in " + partition : "") + "]";
    }
}
