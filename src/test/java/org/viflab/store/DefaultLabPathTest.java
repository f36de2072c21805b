package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefaultLabPathTest {

    @Test
    void homeFolderHoldsLabsByDefault() {
        assertThat(H2Repository.defaultLabPath(null, null, "/home/ada"))
                .isEqualTo(Path.of("/home/ada", ".viflab", "labs", "default"));
        assertThat(H2Repository.defaultLabPath(" ", "", "/home/ada"))
                .isEqualTo(Path.of("/home/ada", ".viflab", "labs", "default"));
    }

    @Test
    void environmentVariableOverridesTheHomeFolder() {
        assertThat(H2Repository.defaultLabPath(null, "/srv/viflab", "/home/ada"))
                .isEqualTo(Path.of("/srv/viflab", "labs", "default"));
    }

    @Test
    void systemPropertyOverridesTheEnvironment() {
        assertThat(H2Repository.defaultLabPath("/tmp/class-7", "/srv/viflab", "/home/ada"))
                .isEqualTo(Path.of("/tmp/class-7", "labs", "default"));
    }

    @Test
    void defaultLabPathReadsTheSystemProperty() {
        String before = System.getProperty("viflab.home");
        System.setProperty("viflab.home", "/tmp/viflab-test-home");
        try {
            assertThat(H2Repository.defaultLabPath()).isEqualTo(Path.of("/tmp/viflab-test-home", "labs", "default"));
        } finally {
            if (before == null) {
                System.clearProperty("viflab.home");
            } else {
                System.setProperty("viflab.home", before);
            }
        }
    }
}
