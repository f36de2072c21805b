package org.viflab.ui.inspector;

import java.util.Objects;
import org.viflab.coordinator.Request;

/** A button of the inspector: a request to send about the inspected object (start, stop, detach, delete…). */
public record InspectorAction(String labelKey, Request request) {

    public InspectorAction {
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(request, "request");
    }
}
