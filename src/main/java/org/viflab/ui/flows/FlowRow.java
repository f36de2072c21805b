package org.viflab.ui.flows;

import java.util.Objects;

/**
 * A row of the watched-flows table.
 *
 * @param landing  the instances the flow is delivered to, or {@code —}
 * @param changed  whether the last operation changed its landing place or disposition
 * @param change   {@code vm-1 DELIVERED → vm-2 DELIVERED} when it changed, else empty
 */
public record FlowRow(String name, String flow, String disposition, boolean successful, String landing,
                      boolean changed, String change) {

    public FlowRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(landing, "landing");
        Objects.requireNonNull(change, "change");
    }
}
