package org.viflab.coordinator;

/**
 * A rule a request breaks, raised while validating and turned into a {@link Outcome.Rejected} at
 * the coordinator's boundary. It never leaves the package: callers only ever see outcomes.
 */
final class Violation extends RuntimeException {

    private final ErrorCode code;

    Violation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
