package org.viflab.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Submission;
import org.viflab.lab.Lab;
import org.viflab.model.ConfigOperation;
import org.viflab.model.PrincipalId;

/**
 * Something the session did, on the FX thread, after the lab changed: a lab was opened, an action
 * (one or more requests) was answered, an undo or redo, queued operations applied, the propagation
 * mode switched, or the watched flows changed.
 *
 * @param description what the user did, e.g. {@code attach vif-web to vm-1}
 * @param submissions the requests sent, in order (empty for anything but an action)
 * @param result      what the lab answered (empty when the lab was opened)
 * @param queued      configuration operations the action left queued (stepwise propagation)
 */
public record SessionEvent(Type type, String description, PrincipalId principal, List<Submission> submissions,
                           Optional<Lab.Result> result, List<ConfigOperation> queued) {

    public enum Type { OPENED, ACTION, UNDO, REDO, PROPAGATED, MODE, WATCH }

    public SessionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(principal, "principal");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(result, "result");
        queued = List.copyOf(queued);
    }

    /** The rejection, if the lab refused the action. */
    public Optional<Outcome.Rejected> rejection() {
        return result.flatMap(Lab.Result::outcome).filter(Outcome.Rejected.class::isInstance)
                .map(Outcome.Rejected.class::cast);
    }
}
