package org.viflab.flow;

import java.util.Locale;
import java.util.Objects;
import org.viflab.model.Sentence;

/**
 * Why a trace ended as it did, at three levels: the disposition code, the deciding object (the
 * rule's group, route table, interface, instance or NIC, by id) and one plain sentence a student can
 * read, e.g. "vif-web is not attached to any instance, so nothing receives traffic for 10.0.1.10".
 * The sentence reads in English ({@link #sentence()}) or in the language of the UI
 * ({@link #sentence(Locale)}).
 */
public record Explanation(Disposition code, String decidingObject, Sentence because) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        if (decidingObject == null || decidingObject.isBlank()) {
            throw new IllegalArgumentException("an explanation names its deciding object");
        }
        Objects.requireNonNull(because, "because");
        if (because instanceof Sentence.Verbatim verbatim && verbatim.text().isBlank()) {
            throw new IllegalArgumentException("an explanation has a sentence");
        }
    }

    /** An explanation whose sentence reads the same in every language. */
    public Explanation(Disposition code, String decidingObject, String sentence) {
        this(code, decidingObject, Sentence.verbatim(Objects.requireNonNull(sentence, "sentence")));
    }

    /** The sentence in English: what the command line, scenario runs and golden files show. */
    public String sentence() {
        return because.english();
    }

    /** The sentence in {@code locale}'s language (English when the application does not speak it). */
    public String sentence(Locale locale) {
        return because.in(locale);
    }

    @Override
    public String toString() {
        return code + " (" + decidingObject + "): " + sentence();
    }
}
