package org.viflab.scenario;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A disk that fills up while a file is written, for tests: the first {@code room} bytes reach the
 * file the writer opened, every later byte goes to Linux's {@code /dev/full}, whose writes fail
 * with ENOSPC ("No space left on device") exactly as a full disk's do. Where there is no
 * {@code /dev/full} the same error is raised by hand.
 */
public final class FullDisk {

    private FullDisk() {
    }

    /** Opens the file it is given, with room for {@code room} bytes. */
    public static AtomicFile.Opener after(int room) {
        return path -> new OutputStream() {
            private final OutputStream file = Files.newOutputStream(path);
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int fits = Math.max(0, Math.min(len, room - written));
                file.write(b, off, fits);
                written += fits;
                if (fits < len) {
                    file.flush();
                    Path full = Path.of("/dev/full");
                    if (!Files.exists(full)) {
                        throw new IOException("No space left on device");
                    }
                    try (OutputStream device = new FileOutputStream(full.toFile())) {
                        device.write(b, off + fits, len - fits);
                        device.flush();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
