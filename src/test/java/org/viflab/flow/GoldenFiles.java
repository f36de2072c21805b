package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a file under {@code src/test/resources/golden/}; run the tests with
 * {@code -Dgolden.update=true} to write the files from the current output instead.
 */
final class GoldenFiles {

    private GoldenFiles() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    static Path directory() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base, "src", "test", "resources", "golden");
    }

    static void assertMatches(String name, String actual) {
        Path file = directory().resolve(name + ".txt");
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (run with -Dgolden.update=true to create it)", file).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(actual).as("trace text against golden file %s (run with -Dgolden.update=true to accept "
                    + "the new output)", file).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use golden file " + file, e);
        }
    }
}
