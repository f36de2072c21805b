package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A uniform grid over the canvas: which keys may lie in a rectangle, without looking at all of them. */
final class SpatialIndex {

    private static final double CELL = 512;

    /** A key with its rectangle, filed in every cell the rectangle touches. */
    private record Entry(CanvasKey key, Rect rect) {
    }

    private final Map<Long, List<Entry>> cells;

    /** An index for about {@code expected} keys. */
    SpatialIndex(int expected) {
        cells = new HashMap<>(Math.max(16, expected / 4));
    }

    void put(CanvasKey key, Rect rect) {
        Entry entry = new Entry(key, rect);
        int x0 = cell(rect.x());
        int x1 = cell(rect.maxX());
        int y0 = cell(rect.y());
        int y1 = cell(rect.maxY());
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                cells.computeIfAbsent(pack(cx, cy), k -> new ArrayList<>(8)).add(entry);
            }
        }
    }

    /**
     * Keys whose rectangle intersects {@code area}, each once, in no particular order. A rectangle
     * filed in several cells is reported only from the first cell of the overlap with the area
     * (the cell of the overlap's top-left corner), so no set of keys seen is needed: a pan queries
     * the index at every tile step.
     */
    List<CanvasKey> query(Rect area) {
        List<CanvasKey> found = new ArrayList<>();
        int x0 = cell(area.x());
        int x1 = cell(area.maxX());
        int y0 = cell(area.y());
        int y1 = cell(area.maxY());
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                List<Entry> in = cells.get(pack(cx, cy));
                if (in == null) {
                    continue;
                }
                for (Entry e : in) {
                    Rect r = e.rect();
                    if (r.intersects(area) && cell(Math.max(r.x(), area.x())) == cx
                            && cell(Math.max(r.y(), area.y())) == cy) {
                        found.add(e.key());
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
