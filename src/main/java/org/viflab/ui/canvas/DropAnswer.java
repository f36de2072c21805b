package org.viflab.ui.canvas;

import java.util.Objects;
import java.util.Optional;
import org.viflab.coordinator.ErrorCode;

/**
 * The coordinator's dry-run verdict on a drop, while the user still hovers: accepted (the target
 * glows green) or rejected with a code and its sentence (red).
 */
public record DropAnswer(boolean accepted, String description, Optional<ErrorCode> code, String message) {

    public DropAnswer {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static DropAnswer accept(String description) {
        return new DropAnswer(true, description, Optional.empty(), "");
    }

    public static DropAnswer reject(String description, ErrorCode code, String message) {
        return new DropAnswer(false, description, Optional.of(code), message);
    }

    /** {@code AttachmentLimitExceeded: t3.micro allows 2 …}, or the description when accepted. */
    public String feedback() {
        return accepted ? description : code.map(ErrorCode::code).orElse("") + ": " + message;
    }
}
