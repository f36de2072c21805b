package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.coordinator.Repository;
import org.viflab.lab.Lab;
import org.viflab.model.Topology;
import org.viflab.store.FaultyRepository;
import org.viflab.store.H2Repository;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.CanvasKey.Kind;

/**
 * An exception in a view's handler on the FX thread, or the lab's database failing under a drag:
 * the user is told, the lab is exactly as it was, and the window goes on working.
 */
@ExtendWith(ApplicationExtension.class)
class ViewFailureTest {

    @TempDir
    Path dir;

    private MainWindowFixture window;
    private Stage stage;
    private Runnable uninstall = () -> { };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindowFixture(stage);
        uninstall = new UncaughtErrors(window.notifier, window.vm.texts(), window.vm.session()).installOnFxThread();
    }

    @AfterEach
    void putTheFxThreadBack(FxRobot robot) {
        // The FX thread outlives this class: later tests must see their exceptions as TestFX does.
        robot.interact(() -> uninstall.run());
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
    }

    /** The lab as its database has it: the snapshot (with its version) and the journal's length. */
    private record LabState(Topology snapshot, int journal) {
    }

    private LabState labState() {
        Lab lab = window.vm.session().lab().orElseThrow();
        return new LabState(lab.snapshot(), lab.journal().size());
    }

    /** A toolbar button whose handler fails, as a view with a bug would. */
    private void breakTheFitButton(FxRobot robot) {
        robot.interact(() -> robot.lookup("#tb-fit").queryButton().addEventHandler(ActionEvent.ACTION, e -> {
            throw new IllegalStateException("the fit handler failed");
        }));
    }

    private void dragWebTo(FxRobot robot, String instance) {
        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, instance));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anExceptionInAHandlerIsToldAndTheLabStaysAsItWas(FxRobot robot) {
        LabState before = labState();
        breakTheFitButton(robot);

        robot.clickOn("#tb-fit");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.notifier.unexpectedWhat).containsExactly("An unexpected error happened");
        assertThat(window.notifier.failures).singleElement().satisfies(e ->
                assertThat(e).hasMessage("the fit handler failed"));
        assertThat(labState()).isEqualTo(before);
        assertThat(window.vm.session().topology()).isEqualTo(before.snapshot());

        // the window goes on working
        dragWebTo(robot, "vm-1");
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        robot.clickOn("#tb-undo");
        assertThat(window.attachedTo("vif-web")).isEmpty();
    }

    @Test
    void theErrorDialogSaysWhatHappenedAndThatTheLabIsKept(FxRobot robot) {
        robot.interact(() -> {
            uninstall.run();
            uninstall = new UncaughtErrors(new FxNotifier(() -> stage, window.vm.texts()), window.vm.texts(),
                    window.vm.session()).installOnFxThread();
        });
        LabState before = labState();
        breakTheFitButton(robot);

        robot.clickOn("#tb-fit");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog).as("the error dialog is shown").isNotNull();
        assertThat(dialog.getHeaderText()).isEqualTo("An unexpected error happened");
        assertThat(dialog.getContentText()).isEqualTo("The lab is still open and nothing was lost.\n\n"
                + "the fit handler failed");
        assertThat(dialog.getExpandableContent()).as("the details, for a bug report").isNotNull();
        // the same failure again while the dialog is open does not stack a second dialog
        Platform.runLater(() -> robot.lookup("#tb-fit").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane)).hasSize(1);

        Window dialogWindow = dialog.getScene().getWindow();
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogWindow.isShowing()).isFalse();
        assertThat(labState()).isEqualTo(before);
        dragWebTo(robot, "vm-2");
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
    }

    @Test
    void aViewThatFailsOnAChangeLeavesTheOthersInStepWithTheLab(FxRobot robot) {
        AtomicBoolean broken = new AtomicBoolean(true);
        window.vm.session().addListener(event -> {
            if (broken.get() && event.type() == SessionEvent.Type.ACTION) {
                throw new IllegalStateException("a view failed to follow the change");
            }
        });

        dragWebTo(robot, "vm-1");

        assertThat(window.notifier.failures).singleElement().satisfies(e ->
                assertThat(e).hasMessage("a view failed to follow the change"));
        // the attach was accepted before the view failed: the lab, the canvas and the log all show it
        Lab lab = window.vm.session().lab().orElseThrow();
        assertThat(window.vm.session().topology()).isEqualTo(lab.snapshot());
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        Node chip = window.node(robot, Kind.INTERFACE, "vif-web");
        assertThat(window.node(robot, Kind.INSTANCE, "vm-1").getBoundsInParent().contains(chip.getBoundsInParent()))
                .isTrue();
        assertThat(window.vm.log().entries()).singleElement().satisfies(e ->
                assertThat(e.description()).isEqualTo("attach vif-web to vm-1"));
        assertThat(window.vm.session().watched().get("web").landing()).extracting(Object::toString)
                .containsExactly("vm-1");

        broken.set(false);
        robot.clickOn("#tb-undo");
        assertThat(window.attachedTo("vif-web")).isEmpty();
    }

    @Test
    void theDatabaseFailingUnderADragIsToldPlainlyAndNothingChanges(FxRobot robot) {
        AtomicBoolean diskFull = new AtomicBoolean();
        H2Repository real = H2Repository.inMemory();
        Repository repository = FaultyRepository.around(real, (method, args) -> {
            if (diskFull.get() && method.startsWith("commit")) {
                throw new Repository.StoreException("cannot commit version " + args[0]
                        + " of the lab: No space left on device", null);
            }
        });
        Lab lab = Lab.open(repository);
        DemoLab.build(lab);
        robot.interact(() -> {
            window.vm.show(lab, "demo");
            window.view.canvas().fit();
        });
        LabState before = labState();
        diskFull.set(true);

        dragWebTo(robot, "vm-1");

        assertThat(window.notifier.failed).singleElement().asString().isEqualTo("The lab database reported a problem"
                + " | cannot commit version " + before.snapshot().version() + " of the lab: No space left on device"
                + " The lab is still open and nothing was lost.");
        assertThat(window.notifier.failures).as("not an unexpected error").isEmpty();
        assertThat(labState()).isEqualTo(before);
        assertThat(window.vm.session().topology()).isEqualTo(before.snapshot());
        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(window.vm.canvas().layout().item(CanvasKey.of(Kind.INTERFACE, "vif-web")).orElseThrow().container())
                .as("the chip is back in its subnet").isEqualTo(CanvasKey.of(Kind.SUBNET, "web"));

        diskFull.set(false);
        dragWebTo(robot, "vm-1");
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
        assertThat(labState().journal()).isEqualTo(before.journal() + 1);
    }

    @Test
    void anExportThatCannotBeWrittenIsToldPlainly(FxRobot robot) throws java.io.IOException {
        Path gone = dir.resolve("gone");
        robot.interact(() -> {
            window.view.exportSvg(gone.resolve("lab.svg"));
            window.view.exportPng(gone.resolve("lab.png"));
        });
        assertThat(window.notifier.failed).containsExactly(
                "Cannot export " + gone.resolve("lab.svg") + " | The folder " + gone + " does not exist.",
                "Cannot export " + gone.resolve("lab.png") + " | The folder " + gone + " does not exist.");
        assertThat(window.notifier.failures).isEmpty();

        Path svg = java.nio.file.Files.writeString(dir.resolve("lab.svg"), "<svg>the old drawing</svg>");
        robot.interact(() -> window.view.exportSvg(svg));
        assertThat(java.nio.file.Files.readString(svg)).startsWith("<svg").contains(">vif-web</text>");
        assertThat(window.notifier.infos).contains("Exported lab.svg");
    }

    @Test
    void japaneseWordsForTheSameFailure(FxRobot robot) {
        robot.interact(() -> window.vm.texts().localeProperty().set(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();
        breakTheFitButton(robot);

        robot.clickOn("#tb-fit");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.notifier.unexpectedWhat).containsExactly("予期しないエラーが発生しました");
    }
}
