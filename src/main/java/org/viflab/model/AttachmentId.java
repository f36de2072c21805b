package org.viflab.model;

/** Identifies an attachment of an interface record to an instance. */
public record AttachmentId(String value) implements Id {

    public AttachmentId {
        Id.check(Naming.ATTACHMENT, value);
    }

    public static AttachmentId attachmentId(String value) {
        return new AttachmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
