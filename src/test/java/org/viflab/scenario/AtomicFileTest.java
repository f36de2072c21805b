package org.viflab.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a whole file so that a failure leaves the old one whole and nothing else behind. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOneWhole() throws IOException {
        Path file = dir.resolve("lab.yaml");
        AtomicFile.write(file, "first\n".getBytes(UTF_8));
        assertThat(Files.readString(file)).isEqualTo("first\n");
        AtomicFile.write(file, "second, longer\n".getBytes(UTF_8));
        assertThat(Files.readString(file)).isEqualTo("second, longer\n");
        AtomicFile.write(file, "3\n".getBytes(UTF_8));
        assertThat(Files.readString(file)).as("no tail of the longer text is left").isEqualTo("3\n");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void theTextGoesToANewFileInTheSameFolderNotToTheFileItself() throws IOException {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "old");
        List<Path> opened = new ArrayList<>();
        AtomicFile.write(file, "new".getBytes(UTF_8), path -> {
            opened.add(path);
            return AtomicFile.ON_DISK.open(path);
        });
        assertThat(opened).singleElement().satisfies(path -> {
            assertThat(path.getParent()).as("same folder, so the move is one rename").isEqualTo(file.toAbsolutePath().getParent());
            assertThat(path).isNotEqualTo(file.toAbsolutePath());
        });
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aFullDiskLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("lab.yaml");
        String old = "scenario: the old one\n".repeat(50);
        Files.writeString(file, old);
        byte[] text = "scenario: the new one\n".repeat(400).getBytes(UTF_8);

        assertThatThrownBy(() -> AtomicFile.write(file, text, FullDisk.after(100)))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        assertThat(Files.readString(file)).isEqualTo(old);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void aMissingFolderIsReportedAndNothingIsCreated() {
        Path file = dir.resolve("no-such-folder").resolve("lab.yaml");
        assertThatThrownBy(() -> AtomicFile.write(file, "x".getBytes(UTF_8))).isInstanceOf(NoSuchFileException.class);
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void aFolderIsNotReplacedByAFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("lab.yaml"));
        assertThatThrownBy(() -> AtomicFile.write(folder, "x".getBytes(UTF_8)))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "old");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        AtomicFile.write(file, "new".getBytes(UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = dir.resolve("real.yaml");
        Files.writeString(real, "old");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
        } catch (UnsupportedOperationException | IOException noLinks) {
            return;
        }
        AtomicFile.write(link, "new".getBytes(UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }
}
