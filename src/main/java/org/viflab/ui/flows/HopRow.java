package org.viflab.ui.flows;

import org.viflab.flow.Hop;

/** A hop of a trace as the hop list shows it: number, component, action, header after the hop, and why. */
public record HopRow(int seq, String component, String action, String header, String detail) {

    public static HopRow of(Hop hop) {
        return new HopRow(hop.seq(), hop.componentKind().label() + " " + hop.componentId(), hop.action().name(),
                hop.src() + " → " + hop.dst(), hop.detail());
    }
}
