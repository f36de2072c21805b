package org.viflab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.viflab.coordinator.Outcome;
import org.viflab.flow.Trace;
import org.viflab.model.Sentence;

/**
 * What one step did and whether its expectations held.
 *
 * @param said             one line saying what happened (accepted, rejected with a code, a trace's disposition…)
 * @param failureSentences one sentence per unmet expectation, each "what: expected X, actual Y"
 * @param outcome          the coordinator's answer, for request steps
 * @param trace            the trace, for trace steps
 */
public record StepResult(Step step, Sentence said, List<Sentence> failureSentences, Optional<Outcome> outcome,
                         Optional<Trace> trace) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(said, "said");
        failureSentences = List.copyOf(failureSentences);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(trace, "trace");
    }

    /** What the step did, in English: what the command line and run reports print. */
    public String answer() {
        return said.english();
    }

    /** What the step did in {@code locale}'s language (codes, dispositions and ids as written). */
    public String answer(Locale locale) {
        return said.in(locale);
    }

    /** The unmet expectations in English, one line each: what the command line and run reports print. */
    public List<String> failures() {
        return failureSentences.stream().map(Sentence::english).toList();
    }

    /** The unmet expectations in {@code locale}'s language, one line each (ids, codes and dispositions as written). */
    public List<String> failures(Locale locale) {
        return failureSentences.stream().map(s -> s.in(locale)).toList();
    }

    public boolean passed() {
        return failureSentences.isEmpty();
    }
}
