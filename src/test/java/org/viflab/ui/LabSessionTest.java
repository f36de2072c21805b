package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.viflab.coordinator.Request;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.scenario.ScenarioViewModel;

/** The session's contract with the views: every view hears every change, on the thread that made it. */
class LabSessionTest {

    private static Request attachWebToVm1() {
        return Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1"));
    }

    @Test
    void everyViewHearsAChangeEvenWhenAnEarlierOneFails() {
        LabSession session = new LabSession();
        session.open(TestLabs.demo(), "demo");
        List<SessionEvent> heard = new ArrayList<>();
        session.addListener(event -> {
            if (event.type() == SessionEvent.Type.ACTION) {
                throw new IllegalStateException("the first view failed");
            }
        });
        session.addListener(heard::add);

        assertThatThrownBy(() -> session.submit(attachWebToVm1())).hasMessage("the first view failed");

        assertThat(heard).extracting(SessionEvent::type).containsExactly(SessionEvent.Type.ACTION);
        assertThat(session.topology()).isEqualTo(session.lab().orElseThrow().snapshot());
        assertThat(session.topology().attachmentsOf(InterfaceId.interfaceId("vif-web"))).hasSize(1);
        assertThat(session.canUndoProperty().get()).isTrue();
    }

    /**
     * A scenario step run on the thread that opened the scenario is shown before the step returns,
     * whether or not the FX toolkit runs. This failed now and then in full test runs, where earlier
     * TestFX tests had started the toolkit: the session used to hand the lab's events of any thread
     * but the FX thread to {@code Platform.runLater}, so the views caught up only when the FX thread
     * got to it, racing the test's next line (alone, without a toolkit, the update ran at once).
     * Here the FX thread is kept busy for the whole test, so a deferred update would never arrive.
     */
    @Test
    void aStepRunOffTheFxThreadIsShownAtOnceWhileTheFxThreadIsBusy() throws Exception {
        FxToolkit.registerPrimaryStage();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            busy.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
            ScenarioViewModel scenarios = main.scenario();
            assertThat(scenarios.open(Path.of("src/test/resources/scenario/move-interface.yaml"))).isTrue();

            scenarios.next();

            assertThat(main.session().topology()).isEqualTo(main.session().lab().orElseThrow().snapshot());
            assertThat(main.canvas().layout().item(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-web")).orElseThrow()
                    .container()).isEqualTo(CanvasKey.of(CanvasKey.Kind.INSTANCE, "vm-1"));
            assertThat(main.log().entries()).hasSize(1);
            assertThat(main.flows().rows()).anySatisfy(row -> assertThat(row.landing()).isEqualTo("vm-1"));
        } finally {
            release.countDown();
        }
    }
}
