package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.coordinator.JournalEntry;
import org.viflab.lab.Lab;
import org.viflab.lab.LabGenerator;
import org.viflab.model.InstanceId;
import org.viflab.model.Topology;
import org.viflab.scenario.JournalCodec;
import org.viflab.store.H2Repository;
import org.viflab.ui.forms.CreateInterfaceView;
import org.viflab.ui.forms.CreateInterfaceViewModel;

/**
 * The create-interface form on a large lab: its choice boxes do not measure thousands of options to
 * size themselves, and still offer and take every one of them.
 */
@ExtendWith(ApplicationExtension.class)
class CreateInterfaceViewTest {

    private static final int INSTANCES = 2000;

    private MainViewModel vm;
    private CreateInterfaceViewModel form;

    @Start
    void start(Stage stage) {
        LabGenerator.Generated generated = LabGenerator.generate(INSTANCES, 2500);
        H2Repository repository = H2Repository.inMemory();
        repository.commit(0, generated.topology(), generated.ids(), new JournalEntry(generated.topology().version(),
                Topology.OPERATOR, "load generated lab", "ok", Instant.now(), Optional.empty()));
        vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), new RecordingNotifier(), Runnable::run);
        vm.show(Lab.open(repository, JournalCodec.INSTANCE), "large");
        form = vm.createInterface();
        form.reset();
        stage.setScene(new Scene(new CreateInterfaceView(form, new Texts(Locale.ENGLISH), () -> { }, new org.viflab.ui.Listening()), 420, 700));
        stage.show();
    }

    @Test
    void choiceBoxesKeepTheirWidthWhateverTheNumberOfOptions(FxRobot robot) {
        ComboBox<?> instance = robot.lookup("#form-instance").queryAs(ComboBox.class);
        assertThat(instance.getItems()).as("the large lab's instances are offered").hasSizeGreaterThan(INSTANCES / 4);
        for (String id : new String[] {"#form-instance", "#form-partition", "#form-subnet", "#form-groups",
                "#form-attachers", "#form-ip-setters"}) {
            javafx.scene.control.Control box = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            robot.interact(() -> {
                assertThat(box.prefWidth(-1)).as(id).isEqualTo(160.0);
                assertThat(box.minWidth(-1)).as(id).isEqualTo(60.0);
            });
            assertThat(box.getWidth()).as(id + " stretches to the column").isGreaterThan(160.0);
        }
    }

    @Test
    void theLastOfThousandsOfInstancesCanStillBeChosen(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<InstanceId> instance = robot.lookup("#form-instance").queryAs(ComboBox.class);
        InstanceId last = instance.getItems().get(instance.getItems().size() - 1);
        robot.interact(() -> instance.getSelectionModel().select(last));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(form.instanceProperty().get()).isEqualTo(last);
        robot.clickOn("#form-instance-clear");
        assertThat(form.instanceProperty().get()).isNull();
        assertThat(instance.getValue()).isNull();
    }
}
