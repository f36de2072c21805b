package org.viflab.lab;

import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Outcome;
import org.viflab.flow.FlowChange;
import org.viflab.model.ConfigOperation;

/**
 * Something happened in a lab: a request was answered (accepted or rejected), queued configuration
 * operations were applied, the propagation mode changed, or the watched flows changed.
 *
 * @param outcome the answer to a request, if the event is one
 * @param applied configuration operations that reached the fabric
 * @param changes watched flows whose landing place or disposition changed
 */
public record LabEvent(Type type, Optional<Outcome> outcome, List<ConfigOperation> applied, List<FlowChange> changes) {

    public enum Type { REQUEST, PROPAGATED, MODE, WATCH, RESET }

    public LabEvent {
        outcome = outcome == null ? Optional.empty() : outcome;
        applied = List.copyOf(applied);
        changes = List.copyOf(changes);
    }
}
