package org.viflab.ui.log;

import java.util.List;
import java.util.Objects;

/**
 * One line of the log: what was asked, by whom, how the coordinator answered, and the configuration
 * operations it initiated (applied ones ticked, queued ones greyed until they are applied).
 *
 * @param result {@code ok}, or the error code of a rejection
 */
public record LogEntry(int seq, String description, String principal, String result, boolean accepted,
                       String message, List<OpRow> operations) {

    public LogEntry {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        operations = List.copyOf(operations);
    }
}
