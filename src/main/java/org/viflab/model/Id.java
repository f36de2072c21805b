package org.viflab.model;

/** A typed identifier: a non-blank string without whitespace, chosen by an author or generated. */
public interface Id extends Comparable<Id> {

    String value();

    @Override
    default int compareTo(Id other) {
        return value().compareTo(other.value());
    }

    /**
     * Validates an id's text; every id record calls this from its compact constructor.
     *
     * @param kind the kind of id, named in the sentence when the text is not one
     * @throws InvalidIdException when the text is blank, longer than 128 characters, or holds
     *         whitespace, a control character, a comma or a bracket
     */
    static String check(Naming kind, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(Sentence.of(Naming.MISSING_ID, Sentence.of(kind)));
        }
        if (value.length() > 128) {
            throw new InvalidIdException(Sentence.of(Naming.ID_TOO_LONG, Sentence.of(kind)));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '[' || c == ']') {
                throw new InvalidIdException(Sentence.of(Naming.ID_NOT_ONE_WORD, Sentence.of(kind), value));
            }
        }
        return value;
    }
}
