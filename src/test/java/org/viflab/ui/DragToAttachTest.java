package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.flow.Disposition;
import org.viflab.model.InstanceId;
import org.viflab.ui.canvas.CanvasKey.Kind;
import org.viflab.ui.flows.FlowRow;

/** What a person does with the mouse on the canvas: attach, detach, move a chip, move an instance. */
@ExtendWith(ApplicationExtension.class)
class DragToAttachTest {

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = new MainWindowFixture(stage);
    }

    private FlowRow webRow(FxRobot robot) {
        TableView<FlowRow> table = robot.lookup("#watched-flows-table").queryTableView();
        return table.getItems().stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
    }

    @Test
    void droppingAFreeChipOnAnInstanceAttachesItAndTheWebTrafficLandsThere(FxRobot robot) {
        assertThat(webRow(robot).disposition()).isEqualTo("DETACHED");
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        Node vm1 = window.node(robot, Kind.INSTANCE, "vm-1");

        robot.drag(chip, MouseButton.PRIMARY).moveTo(vm1);
        Label feedback = robot.lookup("#drop-feedback").query();
        assertThat(feedback.isVisible()).isTrue();
        assertThat(feedback.getText()).contains("attach vif-web to vm-1");
        assertThat(feedback.getStyleClass()).contains("ok");
        assertThat(vm1.getStyleClass()).contains("drop-ok");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        assertThat(window.vm.session().watched().get("web").landing()).containsExactly(InstanceId.instanceId("vm-1"));
        FlowRow web = webRow(robot);
        assertThat(web.disposition()).isEqualTo("DELIVERED");
        assertThat(web.landing()).isEqualTo("vm-1");
        assertThat(web.changed()).isTrue();
        assertThat(web.change()).isEqualTo("— DETACHED → vm-1 DELIVERED");
        assertThat(vm1.getStyleClass()).doesNotContain("drop-ok");
        assertThat(feedback.isVisible()).isFalse();
        // the chip now sits on vm-1's box
        Node moved = window.node(robot, Kind.INTERFACE, "vif-web");
        assertThat(vm1.getBoundsInParent().contains(moved.getBoundsInParent())).isTrue();
    }

    @Test
    void aRejectedDropGlowsRedWithTheCodeAndChangesNothing(FxRobot robot) {
        var before = window.lab().attachments();
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        Node vm3 = window.node(robot, Kind.INSTANCE, "vm-3");

        robot.drag(chip, MouseButton.PRIMARY).moveTo(vm3);
        Label feedback = robot.lookup("#drop-feedback").query();
        assertThat(vm3.getStyleClass()).contains("drop-bad");
        assertThat(feedback.getStyleClass()).contains("bad");
        assertThat(feedback.getText()).startsWith("✖ AttachmentLimitExceeded: ").contains("t3.micro");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.lab().attachments()).isEqualTo(before);
        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(window.vm.session().watched().get("web").disposition()).isEqualTo(Disposition.DETACHED);
        assertThat(window.notifier.rejections).singleElement().asString().startsWith("AttachmentLimitExceeded");
        Label status = robot.lookup("#status-error").query();
        assertThat(status.getText()).startsWith("AttachmentLimitExceeded");
        assertThat(vm3.getStyleClass()).doesNotContain("drop-bad");
    }

    @Test
    void draggingAnAttachedChipBackToItsSubnetBandDetachesIt(FxRobot robot) {
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");

        Node band = window.node(robot, Kind.SUBNET, "web");
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY).moveTo(band);
        assertThat(band.getStyleClass()).contains("drop-ok");
        assertThat(robot.lookup("#drop-feedback").queryAs(Label.class).getText()).contains("detach vif-web from vm-1");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(webRow(robot).disposition()).isEqualTo("DETACHED");
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        assertThat(band.getBoundsInParent().contains(chip.getBoundsInParent())).isTrue();
    }

    @Test
    void draggingAnAttachedChipOntoAnotherInstanceMovesItAsOneUndoStep(FxRobot robot) {
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        int logBefore = window.vm.log().entries().size();

        Node vm2 = window.node(robot, Kind.INSTANCE, "vm-2");
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY).moveTo(vm2);
        assertThat(vm2.getStyleClass()).contains("drop-ok");
        assertThat(robot.lookup("#drop-feedback").queryAs(Label.class).getText()).contains("move vif-web from vm-1 to vm-2");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
        assertThat(webRow(robot).landing()).isEqualTo("vm-2");
        assertThat(webRow(robot).change()).isEqualTo("vm-1 DELIVERED → vm-2 DELIVERED");
        assertThat(window.vm.log().entries()).hasSize(logBefore + 1);
        assertThat(window.vm.log().entries().get(logBefore).description()).isEqualTo("move vif-web from vm-1 to vm-2");

        robot.clickOn("#tb-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        assertThat(webRow(robot).landing()).isEqualTo("vm-1");
    }

    @Test
    void draggingAnInstanceOntoAnotherHostMovesIt(FxRobot robot) {
        assertThat(window.platformOf("vm-2")).isEqualTo("host-b");
        Node hostA = window.node(robot, Kind.PLATFORM, "host-a");
        // Take the instance by its title bar: its middle is its interface chip.
        Node vm2Before = window.node(robot, Kind.INSTANCE, "vm-2");
        robot.drag(robot.point(vm2Before).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(40, 10)), MouseButton.PRIMARY)
                .moveTo(hostA);
        assertThat(hostA.getStyleClass()).contains("drop-ok");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.platformOf("vm-2")).isEqualTo("host-a");
        Node vm2 = window.node(robot, Kind.INSTANCE, "vm-2");
        Node hostAAfter = window.node(robot, Kind.PLATFORM, "host-a");
        assertThat(hostAAfter.getBoundsInParent().contains(vm2.getBoundsInParent())).isTrue();
        assertThat(window.vm.log().entries().get(window.vm.log().entries().size() - 1).description())
                .isEqualTo("move vm-2 to host-a");
    }

    @Test
    void clickingTheNicCarryingTheRecordSetsItDownAndTheTrafficStops(FxRobot robot) {
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        // device 1 on host-a is carried by its second NIC
        Node nic = window.node(robot, Kind.NIC, "nic-a2");
        assertThat(nic.getStyleClass()).contains("state-up");
        robot.clickOn(nic);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.node(robot, Kind.NIC, "nic-a2").getStyleClass()).contains("state-down").doesNotContain("state-up");
        assertThat(webRow(robot).disposition()).isEqualTo("NIC_DOWN");
        assertThat(webRow(robot).change()).isEqualTo("vm-1 DELIVERED → — NIC_DOWN");
        robot.clickOn(window.node(robot, Kind.NIC, "nic-a2"));
        assertThat(webRow(robot).disposition()).isEqualTo("DELIVERED");
    }

    @Test
    void inStepwiseModeTheDroppedChipIsInFlightUntilStepAppliesItsOperations(FxRobot robot) {
        robot.clickOn("#tb-stepwise");
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        assertThat(chip.getStyleClass()).contains("state-attaching");
        assertThat(robot.lookup("#status-pending").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("3 pending operation(s)");
        assertThat(webRow(robot).disposition()).isEqualTo("DETACHED");
        robot.clickOn("#tb-step");
        assertThat(webRow(robot).disposition()).isEqualTo("NOT_PLUGGED");
        robot.clickOn("#tb-step").clickOn("#tb-step");
        assertThat(window.node(robot, Kind.INTERFACE, "vif-web").getStyleClass()).contains("state-in-use");
        assertThat(webRow(robot).disposition()).isEqualTo("DELIVERED");
        assertThat(robot.lookup("#tb-step").queryButton().isDisabled()).isTrue();
    }
}
