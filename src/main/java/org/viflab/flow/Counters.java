package org.viflab.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.viflab.model.InterfaceCounters;
import org.viflab.model.InterfaceId;

/**
 * The monitoring counters of interface records (figure 2, field 279): packets and bytes in and out,
 * counted from traces. Kept apart from the tracer so that tracing stays a pure function; the lab
 * counts the traces it wants counted.
 *
 * <p>A packet counts out of each interface it left and into each interface that accepted it
 * (crossings that passed the interface's checks).
 */
public final class Counters {

    /** Bytes a traced packet stands for when none are given: a minimum Ethernet frame. */
    public static final long DEFAULT_PACKET_BYTES = 64;

    private final Map<InterfaceId, InterfaceCounters> counters = new HashMap<>();

    /** Counts one packet of {@link #DEFAULT_PACKET_BYTES} along the trace. */
    public void count(Trace trace) {
        count(trace, 1, DEFAULT_PACKET_BYTES);
    }

    /** Counts {@code packets} packets of {@code bytesPerPacket} bytes along the trace. */
    public void count(Trace trace, long packets, long bytesPerPacket) {
        Objects.requireNonNull(trace, "trace");
        if (packets < 0 || bytesPerPacket < 0) {
            throw new IllegalArgumentException("cannot count " + packets + " packets of " + bytesPerPacket + " bytes");
        }
        long bytes = packets * bytesPerPacket;
        for (Crossing crossing : trace.crossings()) {
            if (!crossing.passed()) {
                continue;
            }
            InterfaceCounters now = counters.getOrDefault(crossing.iface(), InterfaceCounters.ZERO);
            counters.put(crossing.iface(), crossing.direction() == Crossing.Direction.OUT
                    ? now.plusOut(packets, bytes) : now.plusIn(packets, bytes));
        }
    }

    /** The counters of one record (zero when nothing was counted). */
    public InterfaceCounters of(InterfaceId iface) {
        return counters.getOrDefault(iface, InterfaceCounters.ZERO);
    }

    /** Every record counted so far, by id. */
    public Map<InterfaceId, InterfaceCounters> all() {
        return Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    public void reset(InterfaceId iface) {
        counters.remove(iface);
    }

    public void reset() {
        counters.clear();
    }
}
