package org.viflab.flow;

import java.util.Objects;
import org.viflab.model.InterfaceId;

/**
 * The packet reached an interface record on its way out ({@link Direction#OUT}) or in
 * ({@link Direction#IN}); {@code passed} says whether it got through the interface's checks. The
 * crossings of a trace give its path and feed the monitoring counters.
 */
public record Crossing(InterfaceId iface, Direction direction, boolean passed) {

    /** Out of the interface (sent) or into it (received). */
    public enum Direction { OUT, IN }

    public Crossing {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(direction, "direction");
    }
}
