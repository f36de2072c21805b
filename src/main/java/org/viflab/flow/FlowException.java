package org.viflab.flow;

import org.viflab.model.Sentence;

/**
 * A flow that cannot be traced as written: an endpoint that does not parse, a name the lab does not
 * have, an instance with no interface to send from. {@link #getMessage()} is the English sentence
 * the command line and scenario files read; {@link #sentence()} says it in the language of the UI.
 */
public final class FlowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    FlowException(Sentence sentence) {
        this(sentence, null);
    }

    FlowException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    /** What is wrong with the flow, to be said in any language. */
    public Sentence sentence() {
        return sentence;
    }
}
