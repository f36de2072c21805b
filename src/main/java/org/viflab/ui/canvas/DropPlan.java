package org.viflab.ui.canvas;

import java.util.List;
import java.util.Objects;
import org.viflab.coordinator.Request;

/**
 * What dropping a dragged node on a target would do: the requests, sent together as one action
 * (one undo step), and the action's description.
 */
public record DropPlan(String description, List<Request> requests) {

    public DropPlan {
        Objects.requireNonNull(description, "description");
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a drop plan sends at least one request");
        }
    }
}
