package org.viflab.ui;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file could not be written, in the user's words and language: the disk is full, the folder
 * does not exist, it may not be written… The file system's own message (English, naming a
 * temporary file the user never chose) is shown only when none of these fits.
 */
final class WriteProblem {

    private WriteProblem() {
    }

    /** The plain sentence for {@code error}, raised while writing {@code file}. */
    static String explain(Texts texts, Path file, IOException error) {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        String reason = reasonOf(error);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
            return texts.get("error.write.diskFull");
        }
        if (lower.contains("read-only file system")) {
            return texts.get("error.write.readOnlyDisk");
        }
        if (Files.isDirectory(target)) {
            return texts.get("error.write.isFolder", target);
        }
        if (folder != null && !Files.isDirectory(folder)) {
            Path blocker = firstFileAbove(folder);
            return blocker != null ? texts.get("error.write.notFolder", blocker) : texts.get("error.write.noFolder", folder);
        }
        if (error instanceof AccessDeniedException) {
            return Files.exists(target) && !Files.isWritable(target) ? texts.get("error.write.readOnlyFile")
                    : texts.get("error.write.denied", folder);
        }
        return texts.get("error.write.other", reason);
    }

    /** What the system said, without the (temporary) file name it puts in front. */
    private static String reasonOf(IOException error) {
        if (error instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** A regular file standing where a folder of the path should be, if there is one. */
    private static Path firstFileAbove(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }
}
