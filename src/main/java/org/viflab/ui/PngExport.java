package org.viflab.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.viflab.scenario.AtomicFile;

/** Writes a JavaFX image as a PNG file, replacing the file in one move ({@link AtomicFile}). */
public final class PngExport {

    private PngExport() {
    }

    /** @throws UncheckedIOException with the file system's {@link IOException} as its cause */
    public static void write(Image image, Path file) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png)) {
                throw new IOException("no PNG writer");
            }
            AtomicFile.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
