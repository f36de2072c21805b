package org.viflab.model;

import java.util.Locale;

/** Status of an attachment while its configuration operations propagate. */
public enum AttachmentStatus {
    ATTACHING, ATTACHED, DETACHING, DETACHED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
