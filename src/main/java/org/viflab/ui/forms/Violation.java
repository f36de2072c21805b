package org.viflab.ui.forms;

import java.util.Objects;

/** Something wrong with a form field as the user types: the field's name and a sentence. */
public record Violation(String field, String message) {

    /** The field name of a problem with the form as a whole. */
    public static final String FORM = "form";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
