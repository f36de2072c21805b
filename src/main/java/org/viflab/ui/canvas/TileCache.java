package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The still part of the canvas drawn once into square images (tiles) at the current zoom, so that a
 * panning frame only copies images instead of rasterising every rounded box and label again: in the
 * software pipeline, drawing a rounded region costs time in proportion to its area.
 *
 * <p>Tiles sit on a grid of {@link #size} screen pixels anchored at the world's origin, in a group
 * moved by the (rounded) pan. A tile is drawn from a snapshot of the {@code source} node (the canvas
 * nodes, which are themselves never drawn), so only where those nodes are in the scene: the
 * <em>drawable</em> range. A drawn tile stays until the zoom changes, it leaves the (wider)
 * <em>kept</em> range, or something under it changes ({@link #invalidate}); a stale tile outside the
 * drawable range is dropped, since it cannot be drawn again there.
 */
final class TileCache {

    /** An inclusive range of tile columns {@code i0..i1} and rows {@code j0..j1}. */
    record Range(int i0, int j0, int i1, int j1) {

        static final Range EMPTY = new Range(0, 0, -1, -1);

        boolean isEmpty() {
            return i1 < i0 || j1 < j0;
        }

        boolean contains(int i, int j) {
            return i >= i0 && i <= i1 && j >= j0 && j <= j1;
        }

        boolean contains(Range other) {
            return other.isEmpty() || (!isEmpty() && other.i0 >= i0 && other.i1 <= i1 && other.j0 >= j0 && other.j1 <= j1);
        }

        Range grow(int n) {
            return isEmpty() ? this : new Range(i0 - n, j0 - n, i1 + n, j1 + n);
        }
    }

    private static final class Tile {
        final int i;
        final int j;
        final ImageView view = new ImageView();
        boolean valid;

        Tile(int i, int j) {
            this.i = i;
            this.j = j;
            view.setManaged(false);
            view.setVisible(false);
        }
    }

    /** Marks the picture of {@link #showWhole}. */
    private static final Object WHOLE = new Object();
    /** A frame at 60 Hz, in nanoseconds. */
    private static final long FRAME = 16_666_667L;

    private final Node source;
    private final int size;
    private final java.util.function.Consumer<Rect> prepare;
    private final Group group = new Group();
    private final Translate offset = new Translate();
    private final Map<Long, Tile> tiles = new HashMap<>();
    private final SnapshotParameters params = new SnapshotParameters();
    private double scale = Double.NaN;
    private double renderScale = 1;
    private Range visible = Range.EMPTY;
    private Range drawable = Range.EMPTY;
    private Range kept = Range.EMPTY;
    private long drawn;
    /** Time a frame may spend on tiles ahead of the view, when this frame began and what it has spent. */
    private final long aheadBudget;
    private long frameStart;
    private long aheadSpent;

    /**
     * @param prepare     called with the world area of tiles about to be drawn: puts the nodes over it
     *                    into the {@code source}
     * @param aheadBudget nanoseconds a frame may spend drawing tiles ahead of the view (at least one
     *                    is drawn if it has spent none)
     */
    TileCache(Node source, int size, java.util.function.Consumer<Rect> prepare, long aheadBudget) {
        this.source = source;
        this.size = size;
        this.aheadBudget = aheadBudget;
        this.prepare = prepare;
        params.setFill(Color.TRANSPARENT);
        group.getTransforms().add(offset);
        group.setManaged(false);
        group.setAutoSizeChildren(false);
        group.setMouseTransparent(true);
    }

    /** The node to put in the scene: the tiles, placed where the canvas shows them. */
    Group node() {
        return group;
    }

    /** Tiles drawn so far (each snapshot counts once). */
    long drawn() {
        return drawn;
    }

    /**
     * Follows the view: zoom {@code scale}, pan, and the canvas's size in screen pixels. A new zoom (or
     * output scale) forgets every tile; a pan only moves them.
     *
     * @return whether the tiles were forgotten
     */
    boolean view(double newScale, double panX, double panY, double width, double height, double newRenderScale) {
        boolean reset = newScale != scale || newRenderScale != renderScale;
        if (reset) {
            scale = newScale;
            renderScale = newRenderScale;
            invalidateAll();
            tiles.clear();
            group.getChildren().clear();
            params.setTransform(new Scale(scale * renderScale, scale * renderScale));
        }
        double ox = Math.round(panX);
        double oy = Math.round(panY);
        offset.setX(ox);
        offset.setY(oy);
        if (width < 1 || height < 1) {
            visible = Range.EMPTY;
        } else {
            visible = new Range((int) Math.floor(-ox / size), (int) Math.floor(-oy / size),
                    (int) Math.floor((width - 1 - ox) / size), (int) Math.floor((height - 1 - oy) / size));
        }
        return reset;
    }

    /** The tiles the view overlaps. */
    Range visible() {
        return visible;
    }

    /** The part of the world a range of tiles shows, in world coordinates. */
    Rect world(Range range) {
        if (range.isEmpty()) {
            return new Rect(0, 0, 0, 0);
        }
        double step = size / scale;
        return new Rect(range.i0() * step, range.j0() * step, (range.i1() - range.i0() + 1) * step,
                (range.j1() - range.j0() + 1) * step);
    }

    /**
     * From now on draws tiles only inside {@code newDrawable} (the canvas nodes must cover its whole
     * world area: a tile shows the nodes that are in the scene when it is drawn) and keeps drawn tiles
     * only inside {@code newKept}.
     */
    void keep(Range newDrawable, Range newKept) {
        drawable = newDrawable;
        kept = newKept;
        drop(tile -> !kept.contains(tile.i, tile.j) || (!tile.valid && !drawable.contains(tile.i, tile.j)));
    }

    /** Forgets the tiles outside the drawable range (the world changed where no nodes show it). */
    void dropUndrawable() {
        drop(tile -> !drawable.contains(tile.i, tile.j));
    }

    private void drop(java.util.function.Predicate<Tile> which) {
        for (Iterator<Tile> it = tiles.values().iterator(); it.hasNext();) {
            Tile tile = it.next();
            if (which.test(tile)) {
                group.getChildren().remove(tile.view);
                it.remove();
            }
        }
    }

    /** Marks the tiles under {@code area} (world coordinates, grown by {@code marginPx} screen pixels) as stale. */
    void invalidate(Rect area, double marginPx) {
        if (tiles.isEmpty() || Double.isNaN(scale)) {
            return;
        }
        double x0 = area.x() * scale - marginPx;
        double y0 = area.y() * scale - marginPx;
        double x1 = area.maxX() * scale + marginPx;
        double y1 = area.maxY() * scale + marginPx;
        int i0 = (int) Math.floor(x0 / size);
        int i1 = (int) Math.floor(x1 / size);
        int j0 = (int) Math.floor(y0 / size);
        int j1 = (int) Math.floor(y1 / size);
        boolean lost = false;
        for (Tile tile : tiles.values()) {
            if (tile.i >= i0 && tile.i <= i1 && tile.j >= j0 && tile.j <= j1) {
                stale(tile);
                lost |= !drawable.contains(tile.i, tile.j);
            }
        }
        if (lost) {
            drop(tile -> !tile.valid && !drawable.contains(tile.i, tile.j));
        }
    }

    /** Marks every tile as stale (the look of everything may have changed: a new theme, new fonts). */
    void invalidateAll() {
        tiles.values().forEach(this::stale);
        dropUndrawable();
    }

    private void stale(Tile tile) {
        // A stale tile is hidden at once: better the background for a frame than an outdated picture.
        tile.valid = false;
        tile.view.setVisible(false);
    }

    /**
     * Draws every missing or stale tile in view, then up to {@code ahead} more of the drawable range,
     * nearest to the view first, one at a time while this frame's time for tiles ahead lasts: those
     * in view must be there whatever they cost, those ahead can wait for the next frame, and a frame
     * that draws several is a frame shown late. (A "frame" here is any 1/60 s: drawing is asked for
     * by pan steps and by pulses, and both come once a frame while panning.)
     *
     * @return how many drawable tiles are still missing or stale
     */
    int draw(int ahead) {
        if (visible.isEmpty() || drawable.isEmpty() || Double.isNaN(scale)) {
            return 0;
        }
        drawInView();
        long now = System.nanoTime();
        if (now - frameStart >= FRAME) {
            frameStart = now;
            aheadSpent = 0;
        }
        List<long[]> missing = missing();
        for (int n = 0; n < ahead && !missing.isEmpty() && aheadSpent < aheadBudget; n++) {
            long start = System.nanoTime();
            long[] next = missing.get(0);
            snapshot(new Range((int) next[0], (int) next[1], (int) next[0], (int) next[1]));
            // Nodes brought in for that tile may have marked a tile in view stale.
            drawInView();
            aheadSpent += System.nanoTime() - start;
            missing = missing();
        }
        return missing.size();
    }

    /**
     * Draws the missing or stale tiles in view. Drawing brings nodes into the scene, which can mark
     * neighbouring tiles stale (a node that changed while out of the scene): a few rounds leave none
     * in view, so a frame never shows a hole.
     */
    private void drawInView() {
        for (int round = 0; round < 4; round++) {
            List<long[]> inView = new ArrayList<>();
            for (int j = visible.j0(); j <= visible.j1(); j++) {
                for (int i = visible.i0(); i <= visible.i1(); i++) {
                    Tile tile = tiles.get(key(i, j));
                    if (drawable.contains(i, j) && (tile == null || !tile.valid)) {
                        inView.add(new long[] {i, j});
                    }
                }
            }
            if (inView.isEmpty()) {
                return;
            }
            drawAll(inView);
        }
    }

    /** The missing or stale drawable tiles out of view, nearest to the middle of the view first. */
    private List<long[]> missing() {
        List<long[]> missing = new ArrayList<>();
        double ci = (visible.i0() + visible.i1()) / 2.0;
        double cj = (visible.j0() + visible.j1()) / 2.0;
        for (int j = drawable.j0(); j <= drawable.j1(); j++) {
            for (int i = drawable.i0(); i <= drawable.i1(); i++) {
                Tile tile = tiles.get(key(i, j));
                if (!visible.contains(i, j) && (tile == null || !tile.valid)) {
                    missing.add(new long[] {i, j, Math.round(100 * Math.hypot(i - ci, j - cj))});
                }
            }
        }
        missing.sort((x, y) -> Long.compare(x[2], y[2]));
        return missing;
    }

    /**
     * Draws tiles with as few snapshots as reasonable: each snapshot walks the whole scene once
     * (bounds, CSS) before drawing, which costs more than the pixels of a small tile.
     */
    private void drawAll(List<long[]> wanted) {
        int i0 = Integer.MAX_VALUE;
        int j0 = Integer.MAX_VALUE;
        int i1 = Integer.MIN_VALUE;
        int j1 = Integer.MIN_VALUE;
        for (long[] m : wanted) {
            i0 = Math.min(i0, (int) m[0]);
            i1 = Math.max(i1, (int) m[0]);
            j0 = Math.min(j0, (int) m[1]);
            j1 = Math.max(j1, (int) m[1]);
        }
        long area = (long) (i1 - i0 + 1) * (j1 - j0 + 1);
        if (area <= 2L * wanted.size()) {
            snapshot(new Range(i0, j0, i1, j1));
            return;
        }
        // Scattered: one snapshot per row.
        Map<Integer, int[]> rows = new HashMap<>();
        for (long[] m : wanted) {
            rows.merge((int) m[1], new int[] {(int) m[0], (int) m[0]},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        rows.forEach((j, span) -> snapshot(new Range(span[0], j, span[1], j)));
    }

    /** Draws a block of tiles from one snapshot; each tile shows its part of the picture. */
    private void snapshot(Range block) {
        int px = (int) Math.round(size * renderScale);
        int cols = block.i1() - block.i0() + 1;
        int rows = block.j1() - block.j0() + 1;
        prepare.accept(world(block));
        params.setViewport(new Rectangle2D((double) block.i0() * px, (double) block.j0() * px, (double) cols * px,
                (double) rows * px));
        WritableImage picture = source.snapshot(params, new WritableImage(cols * px, rows * px));
        drawn += (long) cols * rows;
        for (int j = block.j0(); j <= block.j1(); j++) {
            for (int i = block.i0(); i <= block.i1(); i++) {
                if (!drawable.contains(i, j)) {
                    continue;
                }
                int ti = i;
                int tj = j;
                Tile tile = tiles.computeIfAbsent(key(i, j), k -> {
                    Tile t = new Tile(ti, tj);
                    group.getChildren().add(t.view);
                    return t;
                });
                tile.view.setImage(picture);
                tile.view.setViewport(new Rectangle2D((double) (i - block.i0()) * px, (double) (j - block.j0()) * px, px, px));
                if (renderScale != 1) {
                    tile.view.setFitWidth(size);
                    tile.view.setFitHeight(size);
                }
                tile.view.setLayoutX((double) i * size);
                tile.view.setLayoutY((double) j * size);
                tile.valid = true;
                tile.view.setVisible(true);
            }
        }
    }

    /**
     * Shows, instead of the tiles, one picture of the whole view drawn now ({@code on}), or the tiles
     * again: tests compare the two, which catches a tile left stale.
     */
    void showWhole(boolean on) {
        group.getChildren().removeIf(n -> n.getUserData() == WHOLE);
        tiles.values().forEach(tile -> tile.view.setVisible(tile.valid && !on));
        if (!on || visible.isEmpty() || Double.isNaN(scale)) {
            return;
        }
        int px = (int) Math.round(size * renderScale);
        Range view = visible;
        prepare.accept(world(view));
        int cols = view.i1() - view.i0() + 1;
        int rows = view.j1() - view.j0() + 1;
        params.setViewport(new Rectangle2D((double) view.i0() * px, (double) view.j0() * px, (double) cols * px,
                (double) rows * px));
        ImageView whole = new ImageView(source.snapshot(params, new WritableImage(cols * px, rows * px)));
        whole.setUserData(WHOLE);
        whole.setManaged(false);
        if (renderScale != 1) {
            whole.setFitWidth((double) cols * size);
            whole.setFitHeight((double) rows * size);
        }
        whole.setLayoutX((double) view.i0() * size);
        whole.setLayoutY((double) view.j0() * size);
        group.getChildren().add(whole);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xffffffffL);
    }
}
