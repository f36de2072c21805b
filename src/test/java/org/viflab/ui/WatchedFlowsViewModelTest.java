package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.flow.Flow;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.net.Protocol;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.flows.FlowRow;
import org.viflab.ui.flows.HopRow;
import org.viflab.ui.flows.WatchedFlowsViewModel;

/** "Where traffic lands" without a window: rows, the last operation's changes, hops, paths on the canvas. */
class WatchedFlowsViewModelTest {

    private MainViewModel main;
    private WatchedFlowsViewModel flows;

    @BeforeEach
    void open() {
        main = TestLabs.demoViewModel(new RecordingNotifier());
        flows = main.flows();
    }

    private FlowRow row(String name) {
        return flows.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEachFlowWithItsDispositionAndLanding() {
        assertThat(flows.rows()).extracting(FlowRow::name).containsExactly("web", "office-ssh");
        assertThat(row("web").disposition()).isEqualTo("DETACHED");
        assertThat(row("web").landing()).isEqualTo("—");
        assertThat(row("office-ssh").disposition()).isEqualTo("DELIVERED");
        assertThat(row("office-ssh").landing()).isEqualTo("vm-5");
        assertThat(flows.rows()).noneMatch(FlowRow::changed);
    }

    @Test
    void highlightsWhatTheLastOperationChangedWithBeforeAndAfter() {
        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));
        assertThat(row("web").changed()).isTrue();
        assertThat(row("web").change()).isEqualTo("— DETACHED → vm-1 DELIVERED");
        assertThat(row("office-ssh").changed()).isFalse();
        assertThat(flows.lastChangeProperty().get()).isEqualTo("web: — DETACHED → vm-1 DELIVERED");

        // an operation that moves no flow clears the highlight
        main.session().submit(new Request.SetNic(org.viflab.model.NicId.nicId("nic-b1"), false));
        assertThat(flows.rows()).noneMatch(FlowRow::changed);

        main.session().submitAll("move", List.of(Request.Detach.interfaceOf(InterfaceId.interfaceId("vif-web")),
                Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-2"))));
        assertThat(row("web").change()).isEqualTo("vm-1 DELIVERED → — NIC_DOWN");
    }

    @Test
    void theSelectedFlowShowsItsHopsAndIsDrawnOnTheCanvas() {
        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));
        flows.selectedProperty().set("web");
        assertThat(flows.hops()).extracting(HopRow::action).startsWith("ORIGINATED").endsWith("DELIVERED");
        assertThat(flows.explanationProperty().get()).startsWith("DELIVERED (vif-web): vm-1 receives");
        var path = main.canvas().paths().stream().filter(p -> p.name().equals("web")).findFirst().orElseThrow();
        assertThat(path.emphasised()).isTrue();
        assertThat(path.keys()).first().isEqualTo(CanvasKey.of(CanvasKey.Kind.INTERNET, "internet"));
        assertThat(path.keys()).contains(CanvasKey.of(CanvasKey.Kind.GATEWAY, "igw:vpc-a"));
        assertThat(path.keys()).last().isEqualTo(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-web"));
    }

    @Test
    void watchingAndUnwatchingAFlow() {
        assertThat(flows.watch("ssh", Flow.of("vm-1", "vm-2", Protocol.TCP, 22))).isEmpty();
        assertThat(row("ssh").disposition()).isEqualTo("DENIED_IN");
        assertThat(flows.watch("bad", Flow.of("vm-99", "vm-2", Protocol.TCP, 22)))
                .contains("no instance or interface record is named 'vm-99'");
        main.texts().localeProperty().set(java.util.Locale.JAPANESE);
        assertThat(flows.watch("bad", Flow.of("vm-99", "vm-2", Protocol.TCP, 22)))
                .contains("'vm-99' という名前のインスタンスもネットワークインターフェイスもありません");
        main.texts().localeProperty().set(java.util.Locale.ENGLISH);
        flows.unwatch("ssh");
        assertThat(flows.rows()).extracting(FlowRow::name).containsExactly("web", "office-ssh");
    }
}
