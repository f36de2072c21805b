package org.viflab.ui.flows;

import org.viflab.flow.Hop;
import org.viflab.ui.Texts;

/** A hop of a trace as the hop list shows it: number, component, action, header after the hop, and why. */
public record HopRow(int seq, String component, String action, String header, String detail) {

    /** The row for {@code hop}, its component's kind and its fragment in the UI's language. */
    public static HopRow of(Hop hop, Texts texts) {
        String kind = "hop.kind." + hop.componentKind().name();
        String label = texts.has(kind) ? texts.get(kind) : hop.componentKind().label();
        return new HopRow(hop.seq(), label + " " + hop.componentId(), hop.action().name(),
                hop.src() + " → " + hop.dst(), hop.detail(texts.locale()));
    }
}
