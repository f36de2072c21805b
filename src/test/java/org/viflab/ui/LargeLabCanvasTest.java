package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.lab.LabGenerator;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.store.H2Repository;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.Lod;
import org.viflab.ui.canvas.Rect;
import org.viflab.ui.canvas.TopologyCanvas;

/**
 * A larger generated lab: only what is near the view is in the scene, zooming out simplifies it,
 * and what is shown after panning (or after a change made while looking elsewhere) is the lab as it is.
 */
@ExtendWith(ApplicationExtension.class)
class LargeLabCanvasTest {

    private MainViewModel vm;
    private MainView view;
    private LabGenerator.Generated generated;

    @Start
    void start(Stage stage) {
        H2Repository repository = H2Repository.inMemory();
        generated = LabGenerator.generate(300, 1500);
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

    private long staleOrMissing(FxRobot robot) {
        long[] count = new long[1];
        robot.interact(() -> count[0] = CanvasPixels.staleOrMissingPixels(view.canvas()));
        return count[0];
    }

    private double drawnShare(FxRobot robot) {
        double[] share = new double[1];
        robot.interact(() -> {
            TopologyCanvas canvas = view.canvas();
            Color background = (Color) canvas.getBackground().getFills().get(0).getFill();
            share[0] = CanvasPixels.drawnShare(canvas.snapshotView(), background);
        });
        return share[0];
    }

    @Test
    void whatIsShownAfterPanningIsTheLabAsItIsAtEveryZoom(FxRobot robot) {
        TopologyCanvas canvas = view.canvas();
        double[][] steps = {{-100, -60}, {-300, -200}, {-520, 0}, {0, -520}, {700, 600}, {-37, -23}, {2600, -900}};
        for (double zoom : new double[] {1.0, 0.3, 0.1}) {
            robot.interact(() -> {
                canvas.fit();
                canvas.zoomBy(zoom / canvas.scale());
            });
            for (double[] step : steps) {
                robot.interact(() -> canvas.panBy(step[0], step[1]));
                assertThat(staleOrMissing(robot)).as("pixels not as the nodes are at %s after %s", zoom, step).isZero();
                // the tiles around the view are drawn at the next pulses: they too must be right
                WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
            }
            robot.interact(() -> canvas.fit());
            robot.interact(() -> canvas.zoomBy(zoom / canvas.scale()));
            assertThat(drawnShare(robot)).as("share of the middle of the lab drawn at %s", zoom).isGreaterThan(0.3);
        }
    }

    @Test
    void aChangeMadeWhileLookingElsewhereIsShownWhenPanningBack(FxRobot robot) {
        TopologyCanvas canvas = view.canvas();
        robot.interact(() -> {
            canvas.fit();
            canvas.zoomBy(1.0 / canvas.scale());
        });
        Topology t = vm.session().topology();
        Rect seen = canvas.visibleWorld();
        InstanceId instance = vm.canvas().layout().within(seen).stream()
                .filter(k -> k.kind() == CanvasKey.Kind.INSTANCE)
                .filter(k -> seen.contains(vm.canvas().layout().item(k).orElseThrow().bounds()))
                .map(k -> InstanceId.instanceId(k.id()))
                .filter(i -> t.attachmentsOn(i).size() + 1 < t.instances().get(i).limits().maxInterfaces())
                .findFirst().orElseThrow();
        InterfaceId record = generated.freeInterfaces().stream()
                .filter(r -> t.interfaces().get(r).zone().equals(t.instances().get(instance).zone()))
                .findFirst().orElseThrow();
        CanvasKey chip = CanvasKey.of(CanvasKey.Kind.INTERFACE, record.value());
        CanvasKey band = CanvasKey.of(CanvasKey.Kind.SUBNET, t.interfaces().get(record).subnet().value());
        for (double away : new double[] {300, 450, 600, 750, 900, 1050, 1500}) {
            robot.interact(() -> canvas.panBy(-away, 0));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            robot.interact(() -> vm.canvas().drop(chip, CanvasKey.of(CanvasKey.Kind.INSTANCE, instance.value())));
            assertThat(vm.session().topology().attachmentsOf(record)).hasSize(1);
            robot.interact(() -> canvas.panBy(away, 0));
            assertThat(staleOrMissing(robot)).as("after attaching %s px away", away).isZero();

            robot.interact(() -> canvas.panBy(0, -away));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            robot.interact(() -> vm.canvas().drop(chip, band));
            assertThat(vm.session().topology().attachmentsOf(record)).isEmpty();
            robot.interact(() -> canvas.panBy(0, away));
            assertThat(staleOrMissing(robot)).as("after detaching %s px away", away).isZero();

            // a change that leaves its container as it was: the instance's state and its chips
            boolean running = vm.session().topology().instances().get(instance).isActive();
            robot.interact(() -> canvas.panBy(away, away));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            robot.interact(() -> assertThat(vm.session().submit(running ? new Request.Stop(instance)
                    : new Request.Start(instance)).accepted()).isTrue());
            robot.interact(() -> canvas.panBy(-away, -away));
            assertThat(staleOrMissing(robot)).as("after %s %s px away", running ? "stopping" : "starting", away).isZero();
        }
    }

    @Test
    void recordsMadeAndDeletedWhileLookingElsewhereAreShownWhenPanningBack(FxRobot robot) {
        TopologyCanvas canvas = view.canvas();
        SubnetId subnet = vm.session().topology().subnets().firstKey();
        // where a new record of the subnet goes: in the middle of the view
        robot.interact(() -> assertThat(vm.session().submit(new Request.CreateInterface(
                Request.InterfaceSpec.inSubnet(subnet).withId(InterfaceId.interfaceId("vif-probe")))).accepted()).isTrue());
        Rect slot = vm.canvas().layout().item(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-probe")).orElseThrow().bounds();
        robot.interact(() -> {
            assertThat(vm.session().submit(new Request.DeleteInterface(InterfaceId.interfaceId("vif-probe"))).accepted())
                    .isTrue();
            canvas.fit();
            canvas.zoomBy(1.0 / canvas.scale());
            Rect view = canvas.visibleWorld();
            canvas.panBy(view.centerX() - slot.centerX(), view.centerY() - slot.centerY());
        });
        int made = 0;
        for (double away : new double[] {300, 450, 600, 750, 900, 1050, 1500}) {
            String id = "vif-made-" + made++;
            robot.interact(() -> canvas.panBy(0, away));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            robot.interact(() -> assertThat(vm.session().submit(new Request.CreateInterface(
                    Request.InterfaceSpec.inSubnet(subnet).withId(InterfaceId.interfaceId(id)))).accepted()).isTrue());
            robot.interact(() -> canvas.panBy(0, -away));
            assertThat(canvas.nodeOf(CanvasKey.of(CanvasKey.Kind.INTERFACE, id))).isPresent();
            assertThat(staleOrMissing(robot)).as("after making a record %s px away", away).isZero();

            robot.interact(() -> canvas.panBy(-away, 0));
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            robot.interact(() -> assertThat(vm.session().submit(new Request.DeleteInterface(
                    InterfaceId.interfaceId(id))).accepted()).isTrue());
            robot.interact(() -> canvas.panBy(away, 0));
            assertThat(staleOrMissing(robot)).as("after deleting a record %s px away", away).isZero();
        }
    }
}
