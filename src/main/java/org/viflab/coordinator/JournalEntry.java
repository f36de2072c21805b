package org.viflab.coordinator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.viflab.model.PrincipalId;

/**
 * One accepted request as the journal keeps it.
 *
 * @param version the lab's version after the request
 * @param request the request's description ({@link Request#describe()})
 * @param result  what it did: the created id, if any, and its configuration operations
 */
public record JournalEntry(long version, PrincipalId principal, String request, String result, Instant time,
                           Optional<String> clientToken) {

    public JournalEntry {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(clientToken, "clientToken");
    }
}
