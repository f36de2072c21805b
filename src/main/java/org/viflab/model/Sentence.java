package org.viflab.model;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.StringJoiner;

/**
 * One sentence for a person to read, kept as a key and its arguments rather than as finished text,
 * so that it can be said in any language the application speaks. The coordinator's rejections and
 * the tracer's explanations are sentences; their callers read them in English ({@link #english()},
 * byte for byte the text they always had) or in the language of the UI ({@link #in(Locale)}).
 *
 * <p>The words live in properties files next to the package that says them (the root bundle is
 * English, {@code _ja} Japanese); each package lists its keys in an enum implementing {@link Key},
 * so a test can check that every key has its words in every language. Arguments are kept as text
 * (ids, addresses and counts are not numbers to group) or as nested sentences, said in the same
 * language as the sentence around them.
 */
public sealed interface Sentence permits Sentence.Keyed, Sentence.Joined, Sentence.Verbatim {

    /** The sentence in {@code locale}'s language, English when that language has no words for it. */
    String in(Locale locale);

    /** The sentence in English, the language of logs, journals, scenario files and the command line. */
    default String english() {
        return in(Locale.ROOT);
    }

    /** A sentence from {@code key}'s bundle; arguments that are not sentences are kept as their text. */
    static Sentence of(Key key, Object... args) {
        return new Keyed(key, Arrays.asList(args));
    }

    /** The parts one after the other, with {@code separator} said between them (a list of objects, say). */
    static Sentence join(Key separator, List<? extends Sentence> parts) {
        return new Joined(separator, List.copyOf(parts));
    }

    /** Text that reads the same in every language (e.g. a message from outside the application). */
    static Sentence verbatim(String text) {
        return new Verbatim(text);
    }

    /** A sentence's key: its bundle and its name there (an enum constant's name). */
    interface Key {

        /** The base name of the resource bundle holding the key, e.g. {@code org.viflab.coordinator.sentences}. */
        String bundle();

        /** The key in the bundle. */
        String name();
    }

    /**
     * A sentence said from a bundle.
     *
     * @param args each one a {@code String} or a {@code Sentence}
     */
    record Keyed(Key key, List<Object> args) implements Sentence {

        public Keyed {
            Objects.requireNonNull(key, "key");
            List<Object> kept = new ArrayList<>(args.size());
            for (Object arg : args) {
                kept.add(arg instanceof Sentence ? arg : String.valueOf(arg));
            }
            args = List.copyOf(kept);
        }

        @Override
        public String in(Locale locale) {
            Object[] said = new Object[args.size()];
            for (int i = 0; i < said.length; i++) {
                Object arg = args.get(i);
                said[i] = arg instanceof Sentence nested ? nested.in(locale) : arg;
            }
            return new MessageFormat(bundle(key.bundle(), locale).getString(key.name()), locale).format(said);
        }

        @Override
        public String toString() {
            return english();
        }
    }

    /** Sentences said one after the other in the same language. */
    record Joined(Key separator, List<Sentence> parts) implements Sentence {

        public Joined {
            Objects.requireNonNull(separator, "separator");
            parts = List.copyOf(parts);
        }

        @Override
        public String in(Locale locale) {
            StringJoiner said = new StringJoiner(Sentence.of(separator).in(locale));
            for (Sentence part : parts) {
                said.add(part.in(locale));
            }
            return said.toString();
        }

        @Override
        public String toString() {
            return english();
        }
    }

    /** Text that is the same in every language. */
    record Verbatim(String text) implements Sentence {

        public Verbatim {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String in(Locale locale) {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The bundle for {@code locale}, never falling back to the JVM's default locale: English must
     * stay English on a Japanese desktop.
     */
    private static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
