package org.viflab.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources by name. */
final class Resources {

    private Resources() {
    }

    static Path path(String name) {
        try {
            var url = Resources.class.getResource("/" + name);
            if (url == null) {
                throw new UncheckedIOException(new IOException("no test resource " + name));
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
