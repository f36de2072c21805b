package org.viflab.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A line a view model shows (an error, say) in the window's language, and says again when the
 * language changes: it keeps how to say it, not the string.
 */
public final class SaidText {

    private final Texts texts;
    private final ReadOnlyStringWrapper text;
    private Function<Texts, String> words = t -> "";

    public SaidText(Object bean, String name, Texts texts) {
        this.texts = texts;
        this.text = new ReadOnlyStringWrapper(bean, name, "");
        texts.localeProperty().addListener((obs, old, now) -> text.set(words.apply(texts)));
    }

    /** Shows {@code how} says it in the window's language, now and after every change of language. */
    public void say(Function<Texts, String> how) {
        words = how;
        text.set(how.apply(texts));
    }

    /** Shows nothing. */
    public void clear() {
        say(t -> "");
    }

    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    public String get() {
        return text.get();
    }
}
