package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.flow.FlowLab.flow;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.net.Ipv4Address.ipv4;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.viflab.flow.Hop.Action;
import org.viflab.flow.Hop.ComponentKind;

class TraceTest {

    private static final ResolvedFlow FLOW = new ResolvedFlow(flow("internet", "203.0.113.10", "tcp", 80),
            ResolvedFlow.Origin.INTERNET, null, null, ipv4("198.51.100.10"), null, ipv4("203.0.113.10"), null);

    private static Hop hop(int seq, Action action) {
        return new Hop(seq, ComponentKind.INTERNET, "internet", action, "x", ipv4("198.51.100.10"), ipv4("203.0.113.10"));
    }

    private static Explanation why(Disposition d) {
        return new Explanation(d, "x", "because");
    }

    @Test
    void aValidTraceIsAccepted() {
        Trace trace = new Trace(FLOW, Disposition.UNASSIGNED, List.of(hop(1, Action.ORIGINATED), hop(2, Action.DROPPED)),
                why(Disposition.UNASSIGNED), List.of(), Set.of(), null, null, null, null, List.of());
        assertThat(trace.path()).isEmpty();
        assertThat(trace.toText()).contains("UNASSIGNED (x): because");
    }

    @Test
    void theInvariantsAreChecked() {
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.UNASSIGNED, List.of(), why(Disposition.UNASSIGNED),
                List.of(), Set.of(), null, null, null, null, List.of())).hasMessageContaining("at least one hop");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.UNASSIGNED, List.of(hop(2, Action.DROPPED)),
                why(Disposition.UNASSIGNED), List.of(), Set.of(), null, null, null, null, List.of()))
                .hasMessageContaining("numbered");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.UNASSIGNED, List.of(hop(1, Action.DROPPED)),
                why(Disposition.DETACHED), List.of(), Set.of(), null, null, null, null, List.of()))
                .hasMessageContaining("explanation");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.DELIVERED, List.of(hop(1, Action.DELIVERED)),
                why(Disposition.DELIVERED), List.of(), Set.of(), null, null, null, null, List.of()))
                .hasMessageContaining("names the instance");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.DELIVERED, List.of(hop(1, Action.DELIVERED)),
                why(Disposition.DELIVERED), List.of(), Set.of(instanceId("vm-1")), instanceId("vm-2"),
                interfaceId("vif-1"), null, null, List.of())).hasMessageContaining("not in the landing");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.NO_ROUTE, List.of(hop(1, Action.FORWARDED)),
                why(Disposition.NO_ROUTE), List.of(), Set.of(), null, null, null, null, List.of()))
                .hasMessageContaining("DROPPED or DENIED");
        assertThatThrownBy(() -> new Trace(FLOW, Disposition.EXITED, List.of(hop(1, Action.RECEIVED)),
                why(Disposition.EXITED), List.of(), Set.of(), null, null, null, null, List.of()))
                .hasMessageContaining("where it exited");
    }

    @Test
    void dispositionsKnowWhetherTheySucceeded() {
        assertThat(Disposition.values()).filteredOn(Disposition::isSuccessful)
                .containsExactly(Disposition.DELIVERED, Disposition.EXITED);
    }
}
