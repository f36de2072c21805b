package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.coordinator.Repository;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Topology;
import org.viflab.store.FaultyRepository;
import org.viflab.store.H2Repository;
import org.viflab.ui.canvas.CanvasKey.Kind;

/**
 * Opening a lab file the database refuses is an everyday event, not a bug: the user reads the
 * database's plain sentence, no stack trace, and the lab on screen stays. The lab already open in
 * the window is recognised instead of being opened twice.
 */
@ExtendWith(ApplicationExtension.class)
class OpenLabTest {

    @TempDir
    Path dir;

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = new MainWindowFixture(stage);
    }

    private void open(FxRobot robot, MainViewModel vm, String location) {
        robot.interact(() -> vm.openLab(location, () -> { }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Topology labOf(MainViewModel vm) {
        return vm.session().lab().orElseThrow().snapshot();
    }

    /** The demo lab on screen is the one shown before, unchanged, and still takes requests. */
    private void demoStaysAndWorks(FxRobot robot, Lab before, Topology snapshot) {
        assertThat(window.vm.session().lab()).containsSame(before);
        assertThat(labOf(window.vm)).isEqualTo(snapshot);
        assertThat(window.vm.session().labNameProperty().get()).isEqualTo("demo");
        assertThat(window.vm.loadingProperty().get()).isFalse();
        assertThat(window.node(robot, Kind.INSTANCE, "vm-1")).isNotNull();
        robot.interact(() -> assertThat(window.vm.session().submit(Request.Attach.attach(
                InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1"))).accepted()).isTrue());
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-1");
    }

    @Test
    void aLabFileOpenElsewhereIsRefusedWithTheDatabasesSentence(FxRobot robot) {
        Path file = dir.resolve("class");
        Lab before = window.vm.session().lab().orElseThrow();
        Topology snapshot = labOf(window.vm);
        try (H2Repository elsewhere = H2Repository.open(file)) {
            open(robot, window.vm, file.toString());

            assertThat(window.notifier.failed).singleElement().asString()
                    .startsWith("Cannot open the lab " + file + " | The lab file " + file + ".mv.db is already open")
                    .endsWith("The file was not changed. The lab that was open stays open.");
            assertThat(window.notifier.failures).as("no unexpected-error dialog").isEmpty();
            demoStaysAndWorks(robot, before, snapshot);
        }
    }

    @Test
    void aDamagedLabFileIsRefusedAndLeftAsItWas(FxRobot robot) throws IOException {
        Path data = dir.resolve("broken.mv.db");
        byte[] bytes = "these are holiday photos, not a lab".repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(data, bytes);
        Lab before = window.vm.session().lab().orElseThrow();
        Topology snapshot = labOf(window.vm);

        open(robot, window.vm, data.toString());

        assertThat(window.notifier.failed).singleElement().asString().contains("is not a VIF Lab lab");
        assertThat(window.notifier.failures).isEmpty();
        assertThat(Files.readAllBytes(data)).isEqualTo(bytes);
        demoStaysAndWorks(robot, before, snapshot);
    }

    @Test
    void aLabPathTheDatabaseCannotTakeIsRefusedInPlainWords(FxRobot robot) {
        Path file = dir.resolve("class;2").resolve("lab");
        Lab before = window.vm.session().lab().orElseThrow();
        Topology snapshot = labOf(window.vm);

        open(robot, window.vm, file.toString());

        assertThat(window.notifier.failed).containsExactly("Cannot open the lab " + file + " | The lab path " + file
                + " contains ';', which the H2 database reads as the start of its settings. Choose a folder and a name"
                + " without ';'. Nothing was opened or changed. The lab that was open stays open.");
        assertThat(window.notifier.failures).as("no unexpected-error dialog").isEmpty();
        assertThat(dir.resolve("class;2")).as("nothing was created").doesNotExist();
        demoStaysAndWorks(robot, before, snapshot);
    }

    @Test
    void theLabOpenInThisWindowIsRecognisedAndKept(FxRobot robot) {
        Path file = dir.resolve("mine");
        open(robot, window.vm, file.toString());
        Lab mine = window.vm.session().lab().orElseThrow();
        assertThat(window.vm.session().labNameProperty().get()).isEqualTo(file.toString());
        robot.interact(() -> {
            window.vm.loadDemo();
            window.vm.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"),
                    InstanceId.instanceId("vm-2")));
        });
        Topology snapshot = labOf(window.vm);

        // the same file, spelled another way
        open(robot, window.vm, dir.resolve(".").resolve("mine.mv.db").toString());

        assertThat(window.notifier.infos).contains("The lab " + dir.resolve(".").resolve("mine.mv.db")
                + " is already open in this window.");
        assertThat(window.notifier.failed).isEmpty();
        assertThat(window.notifier.failures).isEmpty();
        assertThat(window.vm.session().lab()).containsSame(mine);
        assertThat(labOf(window.vm)).isEqualTo(snapshot);
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");

        // once another lab is shown, the file is closed and opens again, with all that was done in it
        robot.interact(() -> window.vm.newScratchLab());
        open(robot, window.vm, file.toString());
        assertThat(window.notifier.failed).isEmpty();
        assertThat(window.vm.session().lab()).isPresent().get().isNotSameAs(mine);
        assertThat(labOf(window.vm)).isEqualTo(snapshot);
        assertThat(window.attachedTo("vif-web")).containsExactly("vm-2");
        robot.interact(() -> window.vm.close());
    }

    @Test
    void aLabWhoseDatabaseFailsWhileLoadingIsClosedAgainAndTold(FxRobot robot) {
        AtomicBoolean closed = new AtomicBoolean();
        H2Repository real = H2Repository.inMemory();
        Repository failing = FaultyRepository.around(real, (method, args) -> {
            switch (method) {
                case "load" -> throw new Repository.StoreException("cannot load the lab from test (the disk"
                        + " could not be read)", null);
                case "close" -> closed.set(true);
                default -> {
                }
            }
        });
        LabStore store = new LabStore(location -> failing, H2Repository::inMemory, () -> dir, ".mv.db");
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(store, new Texts(Locale.ENGLISH), notifier, Runnable::run);
        robot.interact(() -> vm.show(TestLabs.demo(), "demo"));

        open(robot, vm, "somewhere");

        assertThat(closed).as("the database opened for the lab is closed again").isTrue();
        assertThat(notifier.failed).containsExactly("Cannot open the lab somewhere | cannot load the lab from test"
                + " (the disk could not be read) The lab that was open stays open.");
        assertThat(notifier.failures).isEmpty();
        assertThat(vm.session().labNameProperty().get()).isEqualTo("demo");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
