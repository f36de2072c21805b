package org.viflab.ui.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A step of the open scenario as the Scenario tab lists it.
 *
 * @param answer   what happened when it ran (accepted, rejected with a code, a trace's disposition…)
 * @param failures the expectations that did not hold, one line each
 */
public record StepRow(int index, String narration, String action, Status status, String answer,
                      List<String> failures) {

    /** Where the step stands. */
    public enum Status { NOT_RUN, NEXT, PASSED, FAILED }

    public StepRow {
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(answer, "answer");
        failures = List.copyOf(failures);
    }

    /** The expectations column: the failures, or nothing when they held. */
    public String expectations() {
        return String.join("; ", failures);
    }
}
