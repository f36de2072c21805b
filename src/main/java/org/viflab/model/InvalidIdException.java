package org.viflab.model;

/**
 * Text that cannot be an id: blank, too long, or with whitespace, a comma or a bracket in it.
 * {@link #getMessage()} is the English sentence every caller but the UI reads; {@link #sentence()}
 * says it in the language of the UI.
 */
public final class InvalidIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    InvalidIdException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    /** What is wrong with the text, to be said in any language. */
    public Sentence sentence() {
        return sentence;
    }
}
