package org.viflab.ui.inspector;

import java.util.Objects;

/**
 * One field of the inspected object: its name (from the shared field vocabulary), its value as
 * text, and how it may be edited.
 */
public record FieldRow(String name, String value, Edit edit) {

    /** How a field is edited in the inspector. */
    public enum Edit {
        /** Read only. */
        NONE,
        /** Free text (a description). */
        TEXT,
        /** A comma-separated list of ids (security groups). */
        LIST,
        /** On or off. */
        BOOLEAN
    }

    public FieldRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(edit, "edit");
    }

    public boolean editable() {
        return edit != Edit.NONE;
    }
}
