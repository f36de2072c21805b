package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viflab.coordinator.JournalEntry;
import org.viflab.lab.Lab;
import org.viflab.lab.LabGenerator;
import org.viflab.model.Topology;
import org.viflab.store.H2Repository;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.Lod;
import org.viflab.ui.canvas.Rect;
import org.viflab.ui.canvas.TopologyCanvas;

/** A larger generated lab: only what is near the view is in the scene, and zooming out simplifies it. */
@ExtendWith(ApplicationExtension.class)
class LargeLabCanvasTest {

    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        H2Repository repository = H2Repository.inMemory();
        LabGenerator.Generated generated = LabGenerator.generate(300, 1500);
        repository.commit(0, generated.topology(), generated.ids(), new JournalEntry(generated.topology().version(),
                Topology.OPERATOR, "load", "ok", Instant.now(), Optional.empty()));
        vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), new RecordingNotifier(), Runnable::run);
        vm.show(Lab.open(repository), "generated");
        view = new MainView(vm, stage, 1280, 800);
        stage.setScene(view.scene());
        stage.show();
    }

    @Test
    void onlyNodesNearTheViewAreInTheSceneAtEveryZoom(FxRobot robot) {
        TopologyCanvas canvas = view.canvas();
        int items = vm.canvas().layout().items().size();
        for (double zoom : new double[] {1.0, 0.3, 0.1}) {
            robot.interact(() -> {
                canvas.fit();
                canvas.zoomBy(zoom / canvas.scale());
            });
            Lod lod = Lod.at(canvas.scale());
            Rect view = canvas.visibleWorld();
            long visible = vm.canvas().layout().within(view).stream().filter(k -> lod.shows(k.kind())).count();
            assertThat(canvas.shownNodeCount()).as("nodes at %s", zoom).isGreaterThanOrEqualTo((int) visible)
                    .isLessThan(items / 2).isPositive();
            boolean chips = canvas.nodeOf(vm.canvas().layout().within(view).stream()
                    .filter(k -> k.kind() == CanvasKey.Kind.INTERFACE).findFirst().orElseThrow()).isPresent();
            assertThat(chips).as("chips drawn at %s", zoom).isEqualTo(zoom >= 1.0);
            robot.interact(() -> canvas.panBy(-300, -200));
            assertThat(canvas.shownNodeCount()).isPositive();
        }
    }
}
