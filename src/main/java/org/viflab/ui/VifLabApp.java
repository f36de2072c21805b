package org.viflab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.viflab.bench.Figure;
import org.viflab.store.H2Repository;

/**
 * The desktop app's entry point and composition root: the one GUI class that knows the database.
 * It gives the rest of the GUI an H2 {@link LabStore}, builds the main view model and view, opens
 * the lab (the default H2 file unless told otherwise) off the FX thread and, if asked, a scenario.
 */
public final class VifLabApp extends Application {

    private static volatile Optional<String> database = Optional.empty();
    private static volatile Optional<Path> scenario = Optional.empty();

    private MainViewModel vm;

    /** Starts the app and blocks until its window is closed. */
    public static void start(Optional<String> labDatabase, Optional<Path> scenarioFile) {
        database = labDatabase;
        scenario = scenarioFile;
        Application.launch(VifLabApp.class);
    }

    /** Labs in H2: files for kept labs, named in-memory databases for scratch labs and scenarios. */
    public static LabStore h2Store() {
        return new LabStore(H2Repository::open, H2Repository::inMemory, H2Repository::defaultLabPath, ".mv.db");
    }

    /**
     * Measures the canvas on a generated lab of {@code instances} instances and {@code interfaces}
     * interface records (for {@code viflab bench}); see {@link CanvasBenchmark}.
     */
    public static List<Figure> benchmark(int instances, int interfaces) {
        return CanvasBenchmark.run(h2Store(), instances, interfaces);
    }

    @Override
    public void start(Stage stage) {
        Texts texts = new Texts(Texts.systemLocale());
        Notifier notifier = new FxNotifier(() -> stage, texts);
        vm = new MainViewModel(h2Store(), texts, notifier, task -> {
            Thread worker = new Thread(task, "viflab-open-lab");
            worker.setDaemon(true);
            worker.start();
        });
        // An exception in a view's handler, or on the thread opening a lab, is told and the lab kept.
        UncaughtErrors errors = new UncaughtErrors(notifier, texts, vm.session());
        errors.installOnFxThread();
        Thread.setDefaultUncaughtExceptionHandler(errors);
        vm.scenario().loadLibrary(libraryFolder());
        MainView view = new MainView(vm, stage, 1440, 900);
        stage.setScene(view.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        String location = database.orElseGet(() -> h2Store().defaultLocation().get().toString());
        vm.openLab(location, () -> {
            view.canvas().fitWhenShown();
            scenario.ifPresent(vm::openScenario);
        });
    }

    /** The built-in scenario library: {@code -Dviflab.scenarios=…}, else {@code scenarios/} here. */
    private static Path libraryFolder() {
        String configured = System.getProperty("viflab.scenarios");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("scenarios");
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
