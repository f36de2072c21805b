package org.viflab.coordinator;

import java.util.Objects;
import java.util.Optional;
import org.viflab.model.PrincipalId;
import org.viflab.model.Topology;

/**
 * A request as a client sends it: acting as a principal, optionally only validated ({@code dryRun})
 * and optionally carrying an idempotency token.
 */
public record Submission(Request request, PrincipalId as, boolean dryRun, Optional<String> clientToken) {

    public Submission {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(as, "as");
        Objects.requireNonNull(clientToken, "clientToken");
    }

    /** The request as the operator, no dry run, no token. */
    public static Submission of(Request request) {
        return new Submission(request, Topology.OPERATOR, false, Optional.empty());
    }

    public static Submission as(PrincipalId principal, Request request) {
        return new Submission(request, principal, false, Optional.empty());
    }

    public Submission asDryRun() {
        return new Submission(request, as, true, clientToken);
    }

    public Submission withToken(String token) {
        return new Submission(request, as, dryRun, Optional.of(token));
    }
}
