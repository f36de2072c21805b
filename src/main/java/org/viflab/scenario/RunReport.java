package org.viflab.scenario;

import java.util.List;
import java.util.Objects;

/** The results of running a scenario: one per step that ran, in order. */
public record RunReport(Scenario scenario, String source, List<StepResult> steps) {

    public RunReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(source, "source");
        steps = List.copyOf(steps);
    }

    public long passed() {
        return steps.stream().filter(StepResult::passed).count();
    }

    public long failed() {
        return steps.size() - passed();
    }

    public boolean allPassed() {
        return failed() == 0;
    }
}
