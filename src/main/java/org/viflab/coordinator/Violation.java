package org.viflab.coordinator;

import org.viflab.model.Sentence;

/**
 * A rule a request breaks, raised while validating and turned into a {@link Outcome.Rejected} at
 * the coordinator's boundary. It never leaves the package: callers only ever see outcomes.
 */
final class Violation extends RuntimeException {

    private final ErrorCode code;
    private final Sentence sentence;

    Violation(ErrorCode code, Sentence sentence) {
        super(null, null, false, false);
        this.code = code;
        this.sentence = sentence;
    }

    ErrorCode code() {
        return code;
    }

    /** The rule broken, naming the objects, in any language. */
    Sentence sentence() {
        return sentence;
    }

    @Override
    public String getMessage() {
        return sentence.english();
    }
}
