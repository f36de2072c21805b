package org.viflab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Checks that a package's sentence keys have words in English and Japanese, with the same arguments. */
public final class SentenceBundles {

    private static final int MOST_ARGUMENTS = 10;

    private SentenceBundles() {
    }

    /** Every key has an English and a Japanese pattern that parse and use the same argument indexes. */
    public static void assertSpokenInBothLanguages(Sentence.Key... keys) {
        assertThat(keys).isNotEmpty();
        Properties english = file(keys[0].bundle(), "");
        Properties japanese = file(keys[0].bundle(), "_ja");
        Set<String> named = new TreeSet<>();
        for (Sentence.Key key : keys) {
            named.add(key.name());
            assertThat(english.stringPropertyNames()).as("English words for " + key.name()).contains(key.name());
            assertThat(japanese.stringPropertyNames()).as("Japanese words for " + key.name()).contains(key.name());
            String en = english.getProperty(key.name());
            String ja = japanese.getProperty(key.name());
            assertThat(arguments(ja)).as("arguments of " + key.name() + " in Japanese: " + ja)
                    .isEqualTo(arguments(en));
            assertQuotesDoubled(key.name(), en);
            assertQuotesDoubled(key.name(), ja);
        }
        assertThat(english.stringPropertyNames()).as("English keys that no constant names").isSubsetOf(named);
        assertThat(japanese.stringPropertyNames()).as("Japanese keys that no constant names").isSubsetOf(named);
    }

    private static Properties file(String bundle, String suffix) {
        String name = "/" + bundle.replace('.', '/') + suffix + ".properties";
        InputStream in = SentenceBundles.class.getResourceAsStream(name);
        assertThat(in).as(name + " exists").isNotNull();
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The argument indexes a pattern uses, found by formatting it (so quoted braces do not count). */
    static Set<Integer> arguments(String pattern) {
        Object[] markers = new Object[MOST_ARGUMENTS];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = "\u0001" + i + "\u0002";
        }
        String said = new MessageFormat(pattern, Locale.ROOT).format(markers);
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < markers.length; i++) {
            if (said.contains((String) markers[i])) {
                used.add(i);
            }
        }
        return used;
    }

    /** A lone single quote would silently swallow the text after it. */
    private static void assertQuotesDoubled(String key, String pattern) {
        String rest = pattern.replace("''", "").replace("'{'", "").replace("'}'", "");
        assertThat(rest).as("single quotes in " + key + " are doubled: " + pattern).doesNotContain("'");
    }
}
