package org.viflab.ui.scenario;

import java.util.Objects;

/**
 * A step of the open scenario as the Scenario tab lists it.
 *
 * @param status what happened when it ran ({@link Status#NOT_RUN} before)
 * @param result the coordinator's answer, a trace's disposition, or what was propagated
 */
public record StepRow(int index, String narration, String action, Status status, String result) {

    public enum Status { NOT_RUN, NEXT, ACCEPTED, REJECTED, TRACED, PROPAGATED }

    public StepRow {
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
    }
}
