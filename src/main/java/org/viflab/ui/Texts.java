package org.viflab.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI's words in the chosen language: English or Japanese, from the {@code messages} resource
 * bundles. Views read them when they are built; the main view rebuilds itself when the language
 * changes, so no label keeps a stale word.
 */
public final class Texts {

    /** Base name of the resource bundles. */
    public static final String BUNDLE = "org.viflab.ui.messages";

    /** The languages the UI speaks, in the order the language menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final ObjectProperty<Locale> locale;
    private ResourceBundle bundle;

    public Texts(Locale initial) {
        locale = new SimpleObjectProperty<>(supported(initial));
        bundle = load(locale.get());
        locale.addListener((obs, old, now) -> bundle = load(supported(now)));
    }

    /** The language of the operating system if the UI speaks it, else English. */
    public static Locale systemLocale() {
        return supported(Locale.getDefault());
    }

    private static Locale supported(Locale wanted) {
        if (wanted != null && Locale.JAPANESE.getLanguage().equals(wanted.getLanguage())) {
            return Locale.JAPANESE;
        }
        return Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback to the JVM's default locale: English must stay English on a Japanese desktop.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing word shows its key rather than failing the whole view.
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /**
     * The title of a rejection: the AWS-style error code and what it means in plain words, in the
     * UI's language ({@code UnauthorizedOperation — you have no right to do this}); the code alone
     * when it has no plain meaning here.
     */
    public String errorTitle(String code) {
        String meaning = "code." + code;
        return has(meaning) ? get("code.title", code, get(meaning)) : code;
    }

    /** Whether the bundle of the current language has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
