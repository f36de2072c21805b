package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Topology;
import org.viflab.ui.canvas.CanvasKey;

/** The main window on the demo lab, as the TestFX tests drive it. */
final class MainWindowFixture {

    final RecordingNotifier notifier = new RecordingNotifier();
    final MainViewModel vm;
    final MainView view;

    MainWindowFixture(Stage stage) {
        vm = TestLabs.demoViewModel(notifier);
        view = new MainView(vm, stage, 1280, 800);
        stage.setScene(view.scene());
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.canvas().fit();
    }

    Topology lab() {
        return vm.session().topology();
    }

    /** The instances vif-web (or another record) is attached to now. */
    Set<String> attachedTo(String record) {
        Set<String> out = new java.util.TreeSet<>();
        lab().attachmentsOf(InterfaceId.interfaceId(record)).forEach(a -> out.add(a.instance().value()));
        return out;
    }

    String platformOf(String instance) {
        return lab().instances().get(InstanceId.instanceId(instance)).platform().map(Object::toString).orElse("");
    }

    Node node(FxRobot robot, CanvasKey.Kind kind, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = view.canvas().nodeOf(CanvasKey.of(kind, id)).orElse(null);
        assertThat(node).as("%s %s on the canvas", kind, id).isNotNull();
        return node;
    }
}
