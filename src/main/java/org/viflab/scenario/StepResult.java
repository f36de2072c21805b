package org.viflab.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.viflab.coordinator.Outcome;
import org.viflab.flow.Trace;

/**
 * What one step did and whether its expectations held.
 *
 * @param answer   one line saying what happened (accepted, rejected with a code, a trace's disposition…)
 * @param failures one line per unmet expectation, each "what: expected X, actual Y"
 * @param outcome  the coordinator's answer, for request steps
 * @param trace    the trace, for trace steps
 */
public record StepResult(Step step, String answer, List<String> failures, Optional<Outcome> outcome,
                         Optional<Trace> trace) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(answer, "answer");
        failures = List.copyOf(failures);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(trace, "trace");
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
