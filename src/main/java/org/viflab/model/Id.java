package org.viflab.model;

/** A typed identifier: a non-blank string without whitespace, chosen by an author or generated. */
public interface Id extends Comparable<Id> {

    String value();

    @Override
    default int compareTo(Id other) {
        return value().compareTo(other.value());
    }

    /** Validates an id's text; every id record calls this from its compact constructor. */
    static String check(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + kind + " id");
        }
        if (value.length() > 128) {
            throw new IllegalArgumentException(kind + " id is longer than 128 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '[' || c == ']') {
                throw new IllegalArgumentException(kind + " id '" + value + "' contains whitespace, a comma or a bracket");
            }
        }
        return value;
    }
}
