package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A uniform grid over the canvas: which keys may lie in a rectangle, without looking at all of them. */
final class SpatialIndex {

    private static final double CELL = 512;

    private final Map<Long, List<CanvasKey>> cells;
    private final Map<CanvasKey, Rect> bounds;

    /** An index for about {@code expected} keys. */
    SpatialIndex(int expected) {
        cells = new HashMap<>(Math.max(16, expected / 8));
        bounds = new HashMap<>(Math.max(16, 2 * expected));
    }

    void put(CanvasKey key, Rect rect) {
        bounds.put(key, rect);
        int x0 = cell(rect.x());
        int x1 = cell(rect.maxX());
        int y0 = cell(rect.y());
        int y1 = cell(rect.maxY());
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                cells.computeIfAbsent(pack(cx, cy), k -> new ArrayList<>(8)).add(key);
            }
        }
    }

    /** Keys whose rectangle intersects {@code area}. */
    Set<CanvasKey> query(Rect area) {
        Set<CanvasKey> found = new LinkedHashSet<>();
        int x0 = cell(area.x());
        int x1 = cell(area.maxX());
        int y0 = cell(area.y());
        int y1 = cell(area.maxY());
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                List<CanvasKey> in = cells.get(pack(cx, cy));
                if (in == null) {
                    continue;
                }
                for (CanvasKey key : in) {
                    if (bounds.get(key).intersects(area)) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    /**
     * One number per cell whose hash spreads the cells: {@code Long.hashCode} folds the two halves of
     * a long together, so a key of {@code cx << 32 | cy} gives every cell of a diagonal the same hash.
     */
    private static long pack(int cx, int cy) {
        return cx * 1_000_003L + cy;
    }
}
