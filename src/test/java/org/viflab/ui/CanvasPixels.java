package org.viflab.ui;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.viflab.ui.canvas.TopologyCanvas;

/** What the canvas shows, read as pixels: compared with its nodes drawn directly, or with a colour. */
final class CanvasPixels {

    /** Channel difference (0–255) below which two pixels count as the same. */
    private static final int NOISE = 6;


    private CanvasPixels() {
    }

    /**
     * How many pixels of the canvas as shown differ from the canvas with its nodes drawn directly
     * (without the tiles): zero when nothing shown is missing or out of date. Call on the FX thread.
     */
    static long staleOrMissingPixels(TopologyCanvas canvas) {
        Image shown = canvas.snapshotView();
        Image direct = canvas.snapshotNodesDirectly();
        return different(shown, direct);
    }

    static long different(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("pictures of different sizes");
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = ra.getArgb(x, y);
                if (!same(p, rb.getArgb(x, y)) && !nearby(p, rb, x, y, w, h)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Whether a pixel is a blend of the colours around the same place in the other picture: an
     * anti-aliased edge falling a fraction of a pixel apart (the same shape drawn from a tile's offset
     * and from the view's at a zoom that is not a whole number), not a colour that is not there or a
     * missing shape.
     */
    private static boolean nearby(int p, PixelReader other, int x, int y, int w, int h) {
        int[] low = {255, 255, 255, 255};
        int[] high = {0, 0, 0, 0};
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    int q = other.getArgb(nx, ny);
                    for (int c = 0; c < 4; c++) {
                        int v = (q >> (8 * c)) & 0xff;
                        low[c] = Math.min(low[c], v);
                        high[c] = Math.max(high[c], v);
                    }
                }
            }
        }
        for (int c = 0; c < 4; c++) {
            int v = (p >> (8 * c)) & 0xff;
            if (v < low[c] - NOISE || v > high[c] + NOISE) {
                return false;
            }
        }
        return true;
    }

    /** The share of pixels (0–1) that are not the {@code background} colour. */
    static double drawnShare(Image picture, Color background) {
        PixelReader r = picture.getPixelReader();
        int bg = argb(background);
        long drawn = 0;
        long all = 0;
        for (int y = 0; y < (int) picture.getHeight(); y += 2) {
            for (int x = 0; x < (int) picture.getWidth(); x += 2) {
                all++;
                if (!same(r.getArgb(x, y), bg)) {
                    drawn++;
                }
            }
        }
        return all == 0 ? 0 : (double) drawn / all;
    }

    /** Whether any pixel in a small square around ({@code x}, {@code y}) is close to {@code colour}. */
    static boolean near(Image picture, double x, double y, Color colour) {
        PixelReader r = picture.getPixelReader();
        int want = argb(colour);
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int px = (int) Math.round(x) + dx;
                int py = (int) Math.round(y) + dy;
                if (px >= 0 && py >= 0 && px < picture.getWidth() && py < picture.getHeight()
                        && close(r.getArgb(px, py), want, 40)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    private static boolean same(int p, int q) {
        return close(p, q, NOISE);
    }

    private static boolean close(int p, int q, int tolerance) {
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
