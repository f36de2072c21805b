package org.viflab.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/**
 * Opens the main window on the demo lab and writes a picture of it, for looking at the app as a
 * person sees it (run under a virtual display: {@code xvfb-run}). Arguments: the PNG to write, then
 * optionally {@code ja}, {@code dark}, {@code classroom}, {@code attached} (vif-web on vm-1),
 * {@code empty} (no demo), {@code form} (the create form open), {@code scenario=<file>} (open a
 * scenario, on the Scenario tab) with {@code steps=<n>} (take its first n steps).
 */
public final class ScreenshotHarness {

    private static String[] options = new String[0];

    public static void main(String[] args) {
        options = args;
        Application.launch(App.class);
    }

    /** The application the harness launches (the launcher refuses a main class that is one). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            new ScreenshotHarness().show(stage);
        }
    }

    private static boolean has(String option) {
        for (String o : options) {
            if (o.equals(option)) {
                return true;
            }
        }
        return false;
    }

    private void show(Stage stage) {
        Texts texts = new Texts(has("ja") ? Locale.JAPANESE : Locale.ENGLISH);
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), texts, Notifier.SILENT, Runnable::run);
        MainView view = new MainView(vm, stage, 1600, 1000);
        stage.setScene(view.scene());
        stage.show();
        Lab lab;
        if (has("big")) {
            H2Repository repository = H2Repository.inMemory();
            var generated = org.viflab.lab.LabGenerator.generate(2000, 10000);
            repository.commit(0, generated.topology(), generated.ids(), new org.viflab.coordinator.JournalEntry(
                    generated.topology().version(), org.viflab.model.Topology.OPERATOR, "load", "ok",
                    java.time.Instant.now(), java.util.Optional.empty()));
            lab = Lab.open(repository);
        } else {
            lab = Lab.open(H2Repository.inMemory());
            if (!has("empty")) {
                DemoLab.build(lab);
            }
        }
        vm.show(lab, has("empty") ? "~/.viflab/labs/default" : "demo (in memory)");
        if (has("dark")) {
            vm.toggleTheme();
        }
        if (has("stepwise")) {
            vm.setMode(org.viflab.fabric.Propagation.Mode.STEPWISE);
        }
        for (String o : options) {
            if (o.startsWith("scenario=")) {
                vm.openScenario(Path.of(o.substring("scenario=".length())));
                for (String n : options) {
                    if (n.startsWith("steps=")) {
                        for (int i = Integer.parseInt(n.substring(6)); i > 0; i--) {
                            vm.scenario().next();
                        }
                    }
                }
                ((javafx.scene.control.TabPane) view.scene().lookup("#bottom-tabs")).getSelectionModel()
                        .select(3);
            }
        }
        if (has("attached")) {
            vm.canvas().drop(org.viflab.ui.canvas.CanvasKey.of(org.viflab.ui.canvas.CanvasKey.Kind.INTERFACE, "vif-web"),
                    org.viflab.ui.canvas.CanvasKey.of(org.viflab.ui.canvas.CanvasKey.Kind.INSTANCE, "vm-1"));
            vm.flows().selectedProperty().set("web");
        }
        if (has("select")) {
            vm.canvas().selectedProperty().set(org.viflab.ui.canvas.CanvasKey.of(
                    org.viflab.ui.canvas.CanvasKey.Kind.INTERFACE, "vif-web"));
        }
        if (has("form")) {
            vm.showCreateInterface(java.util.Optional.empty());
            vm.createInterface().privateIpsProperty().set("10.0.1.999");
        }
        if (has("log")) {
            vm.step();
            ((javafx.scene.control.TabPane) view.scene().lookup("#bottom-tabs")).getSelectionModel().select(0);
        }
        if (has("classroom")) {
            vm.toggleClassroom();
        }
        view.canvas().fitWhenShown();
        for (String o : options) {
            if (o.startsWith("zoom=")) {
                double z = Double.parseDouble(o.substring(5));
                PauseTransition later = new PauseTransition(Duration.seconds(1));
                later.setOnFinished(e -> {
                    view.canvas().zoomBy(z / view.canvas().scale());
                    for (String c : options) {
                        if (c.startsWith("center=")) {
                            String[] kindId = c.substring(7).split(":", 2);
                            vm.canvas().layout().item(org.viflab.ui.canvas.CanvasKey.of(
                                    org.viflab.ui.canvas.CanvasKey.Kind.valueOf(kindId[0]), kindId[1])).ifPresent(item -> {
                                        var v = view.canvas().visibleWorld();
                                        double s = view.canvas().scale();
                                        view.canvas().panBy((v.centerX() - item.bounds().centerX()) * s,
                                                (v.centerY() - item.bounds().centerY()) * s);
                                    });
                        }
                    }
                });
                later.play();
            }
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(2));
        wait.setOnFinished(e -> {
            PngExport.write(view.scene().snapshot(null), Path.of(options[0]));
            Platform.exit();
        });
        wait.play();
    }
}
