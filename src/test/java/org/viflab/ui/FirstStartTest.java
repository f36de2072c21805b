package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.ui.canvas.CanvasKey;

/** On an empty lab the window offers the demo; loading it fills the canvas and the watched flows. */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {

    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), new RecordingNotifier(), Runnable::run);
        vm.show(TestLabs.empty(), "default");
        view = new MainView(vm, stage, 1280, 800);
        stage.setScene(view.scene());
        stage.show();
    }

    @Test
    void anEmptyLabOffersTheDemoAndLoadingItFillsTheCanvas(FxRobot robot) {
        assertThat(robot.lookup("#demo-offer").query().isVisible()).isTrue();
        assertThat(view.canvas().shownNodeCount()).isZero();
        robot.clickOn("#demo-load");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#demo-offer").query().isVisible()).isFalse();
        assertThat(view.canvas().nodeOf(CanvasKey.of(CanvasKey.Kind.INSTANCE, "vm-1"))).isPresent();
        assertThat(view.canvas().nodeOf(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-web"))).isPresent();
        assertThat(vm.flows().rows()).hasSize(2);
        // the demo is the lab's starting point, not an action to undo
        assertThat(robot.lookup("#tb-undo").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theOfferCanBeDeclined(FxRobot robot) {
        robot.clickOn("#demo-decline");
        assertThat(robot.lookup("#demo-offer").query().isVisible()).isFalse();
        assertThat(vm.session().topology().partitions()).isEmpty();
    }
}
