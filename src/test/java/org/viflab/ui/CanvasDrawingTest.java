package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.model.NicId;
import org.viflab.model.PlatformId;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.CanvasKey.Kind;
import org.viflab.ui.canvas.Link;
import org.viflab.ui.canvas.TopologyCanvas;

/**
 * What the canvas shows on screen after each kind of change: the picture must match its nodes as
 * they are now (nothing missing, nothing left over from before), and the change must be visible.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasDrawingTest {

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = new MainWindowFixture(stage);
    }

    private TopologyCanvas canvas() {
        return window.view.canvas();
    }

    private long staleOrMissing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Long> count = new AtomicReference<>();
        robot.interact(() -> count.set(CanvasPixels.staleOrMissingPixels(canvas())));
        return count.get();
    }

    private Image shown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Image> picture = new AtomicReference<>();
        robot.interact(() -> picture.set(canvas().snapshotView()));
        return picture.get();
    }

    /** A point of a node, in the canvas's (and its pictures') pixels. */
    private Point2D onCanvas(Node node, double x, double y) {
        return canvas().sceneToLocal(node.localToScene(x, y));
    }

    @Test
    void theOpenedLabIsDrawnInFull(FxRobot robot) {
        assertThat(staleOrMissing(robot)).isZero();
        Color background = (Color) canvas().getBackground().getFills().get(0).getFill();
        assertThat(CanvasPixels.drawnShare(shown(robot), background)).isGreaterThan(0.15);
    }

    @Test
    void aSelectedChipIsDrawnSelected(FxRobot robot) {
        Image before = shown(robot);
        robot.clickOn(window.node(robot, Kind.INTERFACE, "vif-web"));
        assertThat(window.vm.canvas().selectedProperty().get()).isEqualTo(CanvasKey.of(Kind.INTERFACE, "vif-web"));
        assertThat(staleOrMissing(robot)).isZero();
        assertThat(CanvasPixels.different(before, shown(robot))).isPositive();

        robot.clickOn(window.node(robot, Kind.INSTANCE, "vm-2"));
        assertThat(staleOrMissing(robot)).isZero();
    }

    @Test
    void aDropTargetGlowsOnScreenWhileHoveredAndStopsAfterwards(FxRobot robot) {
        Node vm1 = window.node(robot, Kind.INSTANCE, "vm-1");
        // the right edge: the left one has the state stripe, green when running
        Point2D edge = onCanvas(vm1, vm1.getLayoutBounds().getWidth() - 1, vm1.getLayoutBounds().getHeight() / 2);
        Color green = Color.web("#1b9e3e");
        assertThat(CanvasPixels.near(shown(robot), edge.getX(), edge.getY(), green)).isFalse();

        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY).moveTo(vm1);
        assertThat(vm1.getStyleClass()).contains("drop-ok");
        assertThat(staleOrMissing(robot)).isZero();
        assertThat(CanvasPixels.near(shown(robot), edge.getX(), edge.getY(), green)).isTrue();

        robot.moveTo(window.node(robot, Kind.INSTANCE, "vm-3"));
        assertThat(staleOrMissing(robot)).isZero();
        assertThat(CanvasPixels.near(shown(robot), edge.getX(), edge.getY(), green)).isFalse();
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void afterAnAttachTheChipIsDrawnOnItsInstanceWithItsLink(FxRobot robot) {
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        assertThat(staleOrMissing(robot)).isZero();

        // The line from the chip up to its subnet band shows where it crosses open canvas.
        CanvasKey chip = CanvasKey.of(Kind.INTERFACE, "vif-web");
        Link link = window.vm.canvas().layout().linksOf(chip).stream().filter(l -> l.type() == Link.Type.SUBNET)
                .findFirst().orElseThrow();
        Line line = robot.lookup(".link-subnet").queryAllAs(Line.class).stream()
                .filter(l -> l.getStartX() == link.x1() && l.getStartY() == link.y1()).findFirst().orElseThrow();
        Point2D open = null;
        for (double t = 0.05; t < 1 && open == null; t += 0.01) {
            double x = link.x1() + t * (link.x2() - link.x1());
            double y = link.y1() + t * (link.y2() - link.y1());
            if (window.vm.canvas().layout().hit(x, y, k -> true).isEmpty()) {
                open = onCanvas(line.getParent(), x, y);
            }
        }
        assertThat(open).as("the link crosses open canvas").isNotNull();
        assertThat(CanvasPixels.near(shown(robot), open.getX(), open.getY(), (Color) line.getStroke())).isTrue();
    }

    @Test
    void switchingTheThemeRedrawsEverything(FxRobot robot) {
        Image light = shown(robot);
        robot.clickOn("#tb-theme");
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(staleOrMissing(robot)).isZero();
        assertThat(CanvasPixels.different(light, shown(robot))).isGreaterThan((long) (light.getWidth() * light.getHeight() / 2));
    }

    @Test
    void afterEveryKindOfChangeTheCanvasShowsTheLabAsItIs(FxRobot robot) {
        LabSession session = window.vm.session();
        List<Runnable> changes = new ArrayList<>();
        // new records grow the band by rows (everything below moves down), deleting them shrinks it
        for (int i = 0; i < 4; i++) {
            String id = "vif-new" + i;
            changes.add(() -> accepted(session.submit(new Request.CreateInterface(Request.InterfaceSpec.inSubnet(subnetId("web"))
                    .withId(interfaceId(id))))));
        }
        changes.add(() -> accepted(session.submit(Request.Attach.attach(interfaceId("vif-new0"), instanceId("vm-2")))));
        changes.add(() -> accepted(session.submit(new Request.DeleteInterface(interfaceId("vif-new3")))));
        changes.add(() -> accepted(session.submit(new Request.DeleteInterface(interfaceId("vif-new2")))));
        changes.add(() -> accepted(session.submit(new Request.Stop(instanceId("vm-1")))));
        changes.add(() -> accepted(session.submit(new Request.SetNic(NicId.nicId("nic-a1"), false))));
        changes.add(() -> accepted(session.undo().orElseThrow()));
        changes.add(() -> accepted(session.undo().orElseThrow()));
        changes.add(() -> accepted(session.redo().orElseThrow()));
        changes.add(() -> accepted(session.submit(new Request.Move(instanceId("vm-2"), Optional.of(PlatformId.platformId("host-a"))))));
        changes.add(() -> accepted(session.submit(new Request.Terminate(instanceId("vm-3")))));
        changes.add(() -> window.vm.canvas().selectedProperty().set(CanvasKey.of(Kind.INTERFACE, "vif-new0")));
        changes.add(() -> accepted(session.submit(Request.Detach.attachment(
                session.topology().attachmentsOf(interfaceId("vif-new0")).get(0).id()))));
        for (int i = 0; i < changes.size(); i++) {
            robot.interact(changes.get(i));
            assertThat(staleOrMissing(robot)).as("pixels not as the lab is after change %d", i).isZero();
        }
        assertThat(session.topology().attachmentsOf(interfaceId("vif-new0"))).isEmpty();
        assertThat(session.topology().interfaces()).doesNotContainKey(interfaceId("vif-new3"));
    }

    private static void accepted(Lab.Result result) {
        assertThat(result.accepted()).as("%s", result.outcome()).isTrue();
    }
}
