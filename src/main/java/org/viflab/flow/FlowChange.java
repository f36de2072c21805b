package org.viflab.flow;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.viflab.model.InstanceId;

/**
 * A watched flow whose landing place or disposition changed after an operation, e.g.
 * {@code web → vm-1 DELIVERED} became {@code web → vm-3 DELIVERED}.
 *
 * @param trace the new trace
 */
public record FlowChange(String name, Set<InstanceId> landingBefore, Disposition dispositionBefore,
                         Set<InstanceId> landingAfter, Disposition dispositionAfter, Trace trace) {

    public FlowChange {
        Objects.requireNonNull(name, "name");
        landingBefore = Set.copyOf(landingBefore);
        Objects.requireNonNull(dispositionBefore, "dispositionBefore");
        landingAfter = Set.copyOf(landingAfter);
        Objects.requireNonNull(dispositionAfter, "dispositionAfter");
        Objects.requireNonNull(trace, "trace");
    }

    /** {@code web → vm-1 DELIVERED became web → vm-3 DELIVERED}. */
    public String describe() {
        return name + " → " + lands(landingBefore) + " " + dispositionBefore + " became " + name + " → "
                + lands(landingAfter) + " " + dispositionAfter;
    }

    private static String lands(Set<InstanceId> landing) {
        if (landing.isEmpty()) {
            return "nowhere";
        }
        String names = landing.stream().map(InstanceId::value).sorted().collect(Collectors.joining(", "));
        return landing.size() == 1 ? names : "[" + names + "]";
    }

    @Override
    public String toString() {
        return describe();
    }
}
