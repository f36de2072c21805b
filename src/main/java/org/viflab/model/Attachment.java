package org.viflab.model;

import java.util.Objects;

/**
 * An attachment of an interface record to an instance, an object of its own with an id.
 *
 * @param attacher the principal that attached it
 */
public record Attachment(AttachmentId id, InterfaceId iface, InstanceId instance, PrincipalId attacher,
                         int deviceIndex, boolean deleteOnTermination) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(attacher, "attacher");
        if (deviceIndex < 0) {
            throw new IllegalArgumentException("device index " + deviceIndex + " is negative");
        }
    }

    public Attachment withDeleteOnTermination(boolean value) {
        return new Attachment(id, iface, instance, attacher, deviceIndex, value);
    }
}
