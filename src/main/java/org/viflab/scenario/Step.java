package org.viflab.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.model.PrincipalId;
import org.viflab.model.Sentence;

/**
 * One step of a scenario: an action, what it should achieve, and a sentence for the class.
 *
 * <p>{@code line} is where the step was read (0 for a step that was not read from a file); it is
 * for messages only and is not part of the step's value, so {@code equals} ignores it (a scenario
 * written and read back equals the original even though its lines moved).
 *
 * @param index     the step's number, from 1
 * @param line      the line of the step in its file, from 1 (0: not read from a file)
 * @param narration what the GUI shows while the step plays
 * @param action    what the step does
 * @param expect    what must hold afterwards
 */
public record Step(int index, int line, Optional<String> narration, Action action, Expectations expect) {

    public Step {
        if (index < 1) {
            throw new IllegalArgumentException("step index " + index + " is not positive");
        }
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(expect, "expect");
    }

    /** The same step at another position. */
    public Step withIndex(int newIndex, int newLine) {
        return new Step(newIndex, newLine, narration, action, expect);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Step s && s.index == index && s.narration.equals(narration)
                && s.action.equals(action) && s.expect.equals(expect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, narration, action, expect);
    }

    /** What a step does: a coordinator request, a trace, a propagation, or a request that could not be parsed. */
    public sealed interface Action permits Submit, TraceFlow, Propagate, Malformed {

        /** The request key the step was written with, e.g. {@code attach}. */
        String key();

        /** One line for logs and reports. */
        String describe();
    }

    /**
     * Sends a request to the coordinator (with the step's {@code as}, {@code dryRun}, {@code clientToken}).
     * A {@code createInterface}'s {@code deleteOnTermination}, meaningless for a record created on
     * its own, is always {@code true}.
     */
    public record Submit(Submission submission) implements Action {
        public Submit {
            Objects.requireNonNull(submission, "submission");
            RequestKeys.keyOf(submission.request());
            if (submission.request() instanceof Request.CreateInterface create && !create.spec().deleteOnTermination()) {
                submission = new Submission(new Request.CreateInterface(create.spec().withDeleteOnTermination(true)),
                        submission.as(), submission.dryRun(), submission.clientToken());
            }
        }

        @Override
        public String key() {
            return RequestKeys.keyOf(submission.request());
        }

        @Override
        public String describe() {
            return submission.request().describe()
                    + (submission.as().equals(org.viflab.model.Topology.OPERATOR) ? "" : " as " + submission.as())
                    + (submission.dryRun() ? " (dry run)" : "");
        }
    }

    /** Traces a flow once ({@code trace}); the trace expectations apply to it. */
    public record TraceFlow(Flow flow) implements Action {
        public TraceFlow {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public String key() {
            return "trace";
        }

        @Override
        public String describe() {
            return "trace " + flow;
        }
    }

    /** Applies the next {@code steps} queued configuration operations, or all of them when empty. */
    public record Propagate(OptionalInt steps) implements Action {
        public static final Propagate ALL = new Propagate(OptionalInt.empty());

        public Propagate {
            Objects.requireNonNull(steps, "steps");
            if (steps.isPresent() && steps.getAsInt() < 1) {
                throw new IllegalArgumentException("propagate at least one step, not " + steps.getAsInt());
            }
        }

        @Override
        public String key() {
            return "propagate";
        }

        @Override
        public String describe() {
            return steps.isPresent() ? "propagate " + steps.getAsInt() + " operation(s)" : "propagate all";
        }
    }

    /**
     * A request whose parameters could not be parsed (a malformed address, an unknown protocol…),
     * as a "mistakes" lesson may write on purpose. The runner reports it rejected with {@code code}
     * and {@code reason}, as AWS would, without sending it. {@code parameters} keeps the request's
     * mapping as written (text, {@code Long}, {@code Double}, {@code Boolean}, lists and maps), so
     * the step is written back unchanged.
     *
     * <p>The reason is a sentence, said in English by {@link #message()} and in the UI's language by
     * {@link #message(Locale)}. Two malformed requests are equal when their English reasons are: the
     * reason follows from the parameters, and a step built in code with the reason as text equals the
     * same step read from a file.
     */
    public record Malformed(String key, Map<String, Object> parameters, PrincipalId as, boolean dryRun,
                            Optional<String> clientToken, ErrorCode code, Sentence reason) implements Action {
        public Malformed {
            Objects.requireNonNull(key, "key");
            parameters = PlainValues.normalizeMap(parameters);
            Objects.requireNonNull(as, "as");
            Objects.requireNonNull(clientToken, "clientToken");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        /** A malformed request whose reason is English text, said the same in every language. */
        public Malformed(String key, Map<String, Object> parameters, PrincipalId as, boolean dryRun,
                         Optional<String> clientToken, ErrorCode code, String message) {
            this(key, parameters, as, dryRun, clientToken, code, Sentence.verbatim(message));
        }

        /**
         * Why the parameters do not parse, in English: {@code path: reason}, e.g.
         * {@code trace.to: '10.0.1.256' is not an IPv4 address}.
         */
        public String message() {
            return reason.english();
        }

        /** Why the parameters do not parse, in {@code locale}'s language (the path as written). */
        public String message(Locale locale) {
            return reason.in(locale);
        }

        @Override
        public String describe() {
            return key + " (malformed: " + message() + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Malformed m && m.key.equals(key) && m.parameters.equals(parameters)
                    && m.as.equals(as) && m.dryRun == dryRun && m.clientToken.equals(clientToken)
                    && m.code == code && m.message().equals(message());
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, parameters, as, dryRun, clientToken, code, message());
        }

        @Override
        public String toString() {
            return "Malformed[key=" + key + ", parameters=" + parameters + ", as=" + as + ", dryRun=" + dryRun
                    + ", clientToken=" + clientToken + ", code=" + code + ", message=" + message() + "]";
        }
    }

    /** The request of a {@link Submit} step, if it is one. */
    public Optional<Request> request() {
        return action instanceof Submit s ? Optional.of(s.submission().request()) : Optional.empty();
    }
}
