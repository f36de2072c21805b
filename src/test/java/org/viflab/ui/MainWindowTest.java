package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.model.InterfaceId;
import org.viflab.net.Ipv4Address;
import org.viflab.ui.canvas.CanvasKey.Kind;
import org.viflab.ui.scenario.StepRow;

/** The rest of the window as a person uses it: the create form, undo and redo, the language, a scenario. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = new MainWindowFixture(stage);
    }

    @Test
    void theCreateFormKeepsSubmitDisabledWhileAFieldIsWrongAndCreatesTheRecord(FxRobot robot) {
        robot.clickOn("#palette-vif");
        Button submit = robot.lookup("#form-submit").queryButton();
        assertThat(robot.lookup("#create-interface-form").query().isVisible()).isTrue();
        assertThat(submit.isDisabled()).isFalse();

        robot.clickOn("#form-id").eraseText(10).write("vif-new");
        robot.clickOn("#form-private-ips").write("10.0.2.999");
        Label ipError = robot.lookup("#error-privateIps").query();
        assertThat(ipError.isVisible()).isTrue();
        assertThat(ipError.getText()).isEqualTo("'10.0.2.999' is not an IPv4 address");
        assertThat(submit.isDisabled()).isTrue();

        robot.eraseText(3).write("7");
        // 10.0.2.7 is vif-spare's: the coordinator's dry run says so, beside the field
        assertThat(ipError.getText()).startsWith("InvalidIPAddress.InUse");
        assertThat(submit.isDisabled()).isTrue();

        robot.eraseText(1).write("50");
        assertThat(ipError.isVisible()).isFalse();
        assertThat(submit.isDisabled()).isFalse();
        robot.clickOn(submit);
        WaitForAsyncUtils.waitForFxEvents();

        var created = window.lab().interfaces().get(InterfaceId.interfaceId("vif-new"));
        assertThat(created).isNotNull();
        assertThat(created.subnet().value()).isEqualTo("app");
        assertThat(created.privateIps()).containsExactly(Ipv4Address.parse("10.0.2.50"));
        assertThat(robot.lookup("#create-interface-form").query().isVisible()).isFalse();
        assertThat(robot.lookup("#inspector-title").queryAs(Label.class).getText()).isEqualTo("Interface vif-new");
        Node chip = window.node(robot, Kind.INTERFACE, "vif-new");
        assertThat(window.node(robot, Kind.SUBNET, "app").getBoundsInParent().contains(chip.getBoundsInParent())).isTrue();
    }

    @Test
    void undoAndRedoFromTheToolbar(FxRobot robot) {
        Button undo = robot.lookup("#tb-undo").queryButton();
        Button redo = robot.lookup("#tb-redo").queryButton();
        assertThat(undo.isDisabled()).isTrue();
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-2"));
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
        assertThat(undo.isDisabled()).isFalse();
        assertThat(undo.getTooltip().getText()).contains("attach vif-web to vm-2");

        robot.clickOn(undo);
        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(window.vm.session().watched().get("web").landing()).isEmpty();
        assertThat(redo.isDisabled()).isFalse();
        assertThat(undo.isDisabled()).isTrue();

        robot.clickOn(redo);
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        assertThat(window.node(robot, Kind.INSTANCE, "vm-2").getBoundsInParent().contains(chip.getBoundsInParent())).isTrue();
        // keyboard too
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(window.attachedTo("vif-web")).isEmpty();
    }

    @Test
    void choosingJapaneseChangesTheLabels(FxRobot robot) {
        assertThat(robot.lookup("#tb-undo").queryButton().getText()).isEqualTo("Undo");
        javafx.scene.control.TreeView<?> oldLog = robot.lookup("#log-tree").query();
        int oldLogLines = oldLog.getRoot().getChildren().size();
        ComboBox<?> language = robot.lookup("#tb-language").queryComboBox();
        robot.clickOn(language);
        robot.clickOn("日本語");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#tb-undo").queryButton().getText()).isEqualTo("元に戻す");
        assertThat(robot.lookup("#tb-open-scenario").queryButton().getText()).isEqualTo("シナリオを開く");
        TabPane tabs = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("ログ", "監視フロー", "トレース", "シナリオ");
        assertThat(robot.lookup("#palette-vif").queryAs(Label.class).getText()).contains("インターフェイス");
        TableView<?> flows = robot.lookup("#watched-flows-table").queryTableView();
        assertThat(flows.getColumns().get(2).getText()).isEqualTo("結果");
        // the canvas speaks Japanese too, and still works
        assertThat(window.view.canvas().nodeOf(org.viflab.ui.canvas.CanvasKey.of(Kind.TRAY, "unplaced"))).isPresent();
        assertThat(window.node(robot, Kind.TRAY, "unplaced").getAccessibleText())
                .isEqualTo("未配置");
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        // the log shown now has the attach; the one of the views built for English stopped listening
        javafx.scene.control.TreeView<?> log = robot.lookup("#log-tree").query();
        assertThat(log).isNotSameAs(oldLog);
        assertThat(log.getRoot().getChildren()).hasSize(oldLogLines + 1);
        assertThat(oldLog.getRoot().getChildren()).hasSize(oldLogLines);
    }

    @Test
    void openingAScenarioAndSteppingItThroughTheScenarioTab(FxRobot robot) {
        Path file = Path.of("src/test/resources/scenario/move-interface.yaml");
        robot.interact(() -> window.vm.openScenario(file));
        robot.clickOn("#tab-scenario .tab-label");
        assertThat(robot.lookup("#scenario-title").queryAs(Label.class).getText())
                .isEqualTo("Move an interface to a standby server");
        TableView<StepRow> steps = robot.lookup("#scenario-steps").queryTableView();
        assertThat(steps.getItems()).hasSize(6);
        assertThat(steps.getItems().get(0).status()).isEqualTo(StepRow.Status.NEXT);
        assertThat(window.attachedTo("vif-web")).isEmpty();

        robot.clickOn("#scenario-next");
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        assertThat(robot.lookup("#scenario-narration").queryAs(Label.class).getText()).isEqualTo("The web address is on vm-1.");
        assertThat(steps.getItems().get(0).status()).isEqualTo(StepRow.Status.PASSED);
        robot.clickOn("#scenario-next");
        robot.clickOn("#scenario-next");
        // bob's attach is rejected, as the scenario expects: the step passes
        assertThat(steps.getItems().get(2).status()).isEqualTo(StepRow.Status.PASSED);
        assertThat(steps.getItems().get(2).answer()).contains("UnauthorizedOperation");
        assertThat(robot.lookup("#scenario-summary").queryAs(Label.class).getText()).isEqualTo("3 of 3 steps passed");
        robot.clickOn("#scenario-next");
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
        assertThat(window.vm.session().watched().get("web").landing()).extracting(Object::toString).containsExactly("vm-2");

        robot.clickOn("#scenario-back");
        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(steps.getItems().get(3).status()).isEqualTo(StepRow.Status.NEXT);
    }

    @Test
    void launchingAnInstanceFromThePalette(FxRobot robot) {
        robot.clickOn("#palette-instance");
        assertThat(robot.lookup("#quick-form").query().isVisible()).isTrue();
        assertThat(robot.lookup("#quick-form-title").queryAs(Label.class).getText()).isEqualTo("Launch an instance");
        robot.interact(() -> window.vm.quickForm().set("platform", "host-b"));
        robot.clickOn("#quick-submit");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.platformOf("vm-6")).isEqualTo("host-b");
        assertThat(robot.lookup("#quick-form").query().isVisible()).isFalse();
        assertThat(robot.lookup("#inspector-title").queryAs(Label.class).getText()).isEqualTo("Instance vm-6");
        Node vm6 = window.node(robot, Kind.INSTANCE, "vm-6");
        assertThat(window.node(robot, Kind.PLATFORM, "host-b").getBoundsInParent().contains(vm6.getBoundsInParent())).isTrue();
        assertThat(vm6.getStyleClass()).contains("state-running");
    }

    @Test
    void tracingAFlowAnimatesThePacketHopByHop(FxRobot robot) throws Exception {
        robot.clickOn("#tab-trace .tab-label");
        robot.clickOn("#trace-from").write("vm-1");
        robot.clickOn("#trace-to").write("vm-2");
        robot.clickOn("#trace-run");
        TableView<?> hops = robot.lookup("#trace-hops").queryTableView();
        assertThat(hops.getItems()).hasSizeGreaterThan(4);
        assertThat(robot.lookup("#trace-explanation").queryAs(Label.class).getText()).startsWith("DELIVERED");
        Node packet = robot.lookup("#packet").query();
        assertThat(packet.isVisible()).isTrue();
        var first = window.vm.canvas().packetProperty().get();
        assertThat(first.nodeId()).isEqualTo("instance-vm-1");

        robot.clickOn("#trace-step");
        assertThat(window.vm.trace().currentProperty().get()).isEqualTo(1);
        robot.clickOn("#trace-play");
        assertThat(window.vm.trace().playingProperty().get()).isTrue();
        window.vm.trace().speedProperty().set(6);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.vm.trace().playingProperty().get());
        assertThat(window.vm.trace().currentProperty().get()).isEqualTo(hops.getItems().size() - 1);
        assertThat(window.vm.canvas().packetProperty().get().nodeId()).isEqualTo("iface-vm-2-eth0");
        assertThat(window.vm.canvas().paths()).anySatisfy(p -> assertThat(p.name()).isEqualTo("trace"));
    }

    @Test
    void themeClassroomModeAndExport(FxRobot robot) throws Exception {
        assertThat(window.view.scene().getStylesheets()).anyMatch(css -> css.endsWith("light.css"));
        robot.clickOn("#tb-theme");
        assertThat(window.view.scene().getStylesheets()).anyMatch(css -> css.endsWith("dark.css"))
                .noneMatch(css -> css.endsWith("light.css"));

        robot.type(javafx.scene.input.KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.vm.classroomProperty().get()).isTrue();
        assertThat(window.view.scene().getStylesheets()).anyMatch(css -> css.endsWith("classroom.css"));
        assertThat(robot.lookup("#toolbar").query().isVisible()).isFalse();
        assertThat(robot.lookup("#classroom-bar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#classroom-caption").queryAs(Label.class).getText())
                .isEqualTo("Drag an interface onto an instance and watch where the traffic lands.");
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-1"));
        assertThat(robot.lookup("#classroom-caption").queryAs(Label.class).getText())
                .isEqualTo("web: — DETACHED → vm-1 DELIVERED");
        robot.clickOn("#classroom-back");
        assertThat(window.attachedTo("vif-web")).isEmpty();
        robot.clickOn("#classroom-leave");
        assertThat(robot.lookup("#toolbar").query().isVisible()).isTrue();

        Path png = java.nio.file.Files.createTempFile("viflab", ".png");
        robot.interact(() -> window.view.exportPng(png));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) window.view.canvas().getWidth());
        assertThat(window.notifier.infos).anyMatch(i -> i.startsWith("Exported"));
        java.nio.file.Files.deleteIfExists(png);
        Path svg = java.nio.file.Files.createTempFile("viflab", ".svg");
        robot.interact(() -> window.view.exportSvg(svg));
        String drawing = java.nio.file.Files.readString(svg);
        assertThat(drawing).startsWith("<svg").contains(">vif-web</text>").contains(">vm-1  t3.medium</text>");
        java.nio.file.Files.deleteIfExists(svg);
    }

    @Test
    void aLabThatCannotBeOpenedShowsTheErrorAndKeepsTheOpenLab(FxRobot robot) {
        var before = window.vm.session().lab().orElseThrow();
        robot.interact(() -> window.vm.openLab("jdbc:mysql://nowhere/lab", () -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.notifier.failed).singleElement().asString().contains("is not an H2 URL");
        assertThat(window.notifier.failures).as("a URL the store cannot take is not an unexpected error").isEmpty();
        assertThat(window.vm.session().lab()).containsSame(before);
        assertThat(window.vm.loadingProperty().get()).isFalse();
        assertThat(window.node(robot, Kind.INSTANCE, "vm-1")).isNotNull();
    }
}
