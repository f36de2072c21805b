package org.viflab.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InterfaceId;
import org.viflab.model.Sentence;

/** What the coordinator answered to a submission: accepted with its effects, or rejected with a code. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    Submission submission();

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * An accepted request.
     *
     * @param version    the lab's version after it
     * @param createdId  the id of the object it created, if any
     * @param operations the configuration operations it initiated, in order
     * @param inverse    the requests that undo it, in order (empty: it cannot be undone)
     * @param warnings   things the client should know (e.g. an unknown instance type)
     * @param answer     the rows of a describe
     * @param attaching  attachments whose attach these operations carry (stepwise status)
     * @param detaching  records whose detach these operations carry (stepwise status)
     * @param cancelled  attachments whose queued operations must be dropped (forced detach)
     * @param immediate  the operations apply at once even in stepwise propagation (forced detach)
     * @param replayed   a client-token replay: the first result, nothing initiated now
     */
    record Accepted(Submission submission, long version, Optional<String> createdId,
                    List<ConfigOperation> operations, List<Request> inverse, List<String> warnings,
                    Optional<DescribeAnswer> answer, List<AttachmentId> attaching, List<InterfaceId> detaching,
                    List<AttachmentId> cancelled, boolean immediate, boolean replayed) implements Outcome {
        public Accepted {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(createdId, "createdId");
            Objects.requireNonNull(answer, "answer");
            operations = List.copyOf(operations);
            inverse = List.copyOf(inverse);
            warnings = List.copyOf(warnings);
            attaching = List.copyOf(attaching);
            detaching = List.copyOf(detaching);
            cancelled = List.copyOf(cancelled);
        }

        /** The same result, marked as a replay that initiates nothing. */
        public Accepted asReplay(Submission replay) {
            return new Accepted(replay, version, createdId, operations, inverse, warnings, answer, attaching,
                    detaching, cancelled, immediate, true);
        }
    }

    /**
     * A rejected request: nothing changed. {@code sentence} names the objects; {@link #message()} says
     * it in English, {@link #message(Locale)} in the language of whoever reads it.
     */
    record Rejected(Submission submission, ErrorCode code, Sentence sentence) implements Outcome {
        public Rejected {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(sentence, "sentence");
        }

        /** The sentence in English: what logs, the journal, scenario files and the command line show. */
        public String message() {
            return sentence.english();
        }

        /** The sentence in {@code locale}'s language (English when the application does not speak it). */
        public String message(Locale locale) {
            return sentence.in(locale);
        }

        @Override
        public String toString() {
            return code.code() + ": " + message();
        }
    }
}
