package org.viflab.fabric;

import java.util.List;
import java.util.Objects;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;

/**
 * One row of a partition's mapping table: the interface record that owns a private address and the
 * instances it is attached to (several for a multi-attach record, none when it is detached).
 */
public record MappingEntry(InterfaceId iface, List<InstanceId> instances) {

    public MappingEntry {
        Objects.requireNonNull(iface, "iface");
        instances = List.copyOf(instances);
    }

    /** Whether the record is attached to no instance. */
    public boolean detached() {
        return instances.isEmpty();
    }
}
