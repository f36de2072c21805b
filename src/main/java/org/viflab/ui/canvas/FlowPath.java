package org.viflab.ui.canvas;

import java.util.List;
import java.util.Objects;

/**
 * A flow's path to draw as coloured arrows: the canvas nodes its hops pass, in order.
 *
 * @param colour     index into the path palette
 * @param emphasised the selected flow (drawn thicker, above the others)
 * @param successful delivered or exited (solid), else dashed up to where it stopped
 */
public record FlowPath(String name, int colour, List<CanvasKey> keys, boolean emphasised, boolean successful) {

    public FlowPath {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
    }
}
