package org.viflab.scenario;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Writes a whole file so that a failure leaves the file as it was: the text goes to a new file
 * beside it (same folder, so the same disk), is forced to the disk, and only then replaces the
 * file in one move. A full disk, a folder that cannot be written or a crash half-way leaves the
 * old file whole (or no file), never a truncated one, and no temporary file behind.
 *
 * <p>A file that is there and read-only is refused rather than replaced: someone marked it so
 * to keep it as it is.
 */
public final class AtomicFile {

    /** Opens the stream the text is written to, given the temporary file's path. */
    @FunctionalInterface
    public interface Opener {
        OutputStream open(Path temporary) throws IOException;
    }

    /** Creates the temporary file (it must not exist) and forces its bytes to the disk on close. */
    public static final Opener ON_DISK = AtomicFile::createForced;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes {@code bytes} as the whole content of {@code file}, replacing what it held. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, ON_DISK);
    }

    /**
     * Writes {@code bytes} through {@code opener} into a temporary file beside {@code file}, then
     * moves it over {@code file}.
     *
     * @throws IOException as the file system reports it; {@code file} is unchanged then
     */
    public static void write(Path file, byte[] bytes, Opener opener) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(opener, "opener");
        Path target = target(file);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        Path folder = target.getParent();
        Path temporary = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = opener.open(temporary)) {
                out.write(bytes);
            }
            keepPermissions(target, temporary);
            move(temporary, target);
            moved = true;
            forceFolder(folder);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write's own failure is the one to report.
                }
            }
        }
    }

    /** The file to replace: a symbolic link's target, so that the link stays a link. */
    private static Path target(Path file) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException dangling) {
                return absolute;
            }
        }
        return absolute;
    }

    private static OutputStream createForced(Path temporary) throws IOException {
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    channel.force(true);
                } finally {
                    super.close();
                }
            }
        };
    }

    /** A replaced file keeps who may read and write it (a new one gets the folder's defaults). */
    private static void keepPermissions(Path target, Path temporary) {
        try {
            if (Files.exists(target) && Files.exists(temporary)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not a POSIX file system, or not ours to change: the defaults will do.
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the move itself survive a crash where the file system allows it (Linux does). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a folder this way; the file's own bytes are on the disk already.
        }
    }
}
