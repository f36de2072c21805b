package org.viflab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Repository;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.lab.Lab;
import org.viflab.scenario.AtomicFile;
import org.viflab.scenario.JournalCodec;
import org.viflab.model.Topology;
import org.viflab.ui.canvas.CanvasViewModel;
import org.viflab.ui.flows.TraceViewModel;
import org.viflab.ui.flows.WatchedFlowsViewModel;
import org.viflab.ui.forms.CreateInterfaceViewModel;
import org.viflab.ui.inspector.InspectorViewModel;
import org.viflab.ui.log.LogViewModel;
import org.viflab.ui.scenario.ScenarioViewModel;

/**
 * The main window's state and the toolbar's commands. It owns the session and the view models of
 * every part of the window and wires them together (the canvas selection feeds the inspector, the
 * selected watched flow is drawn on the canvas…). It talks to the lab only through the session and
 * to the database only through the {@link LabStore} port.
 */
public final class MainViewModel {

    private final LabStore store;
    private final Notifier notifier;
    private final Consumer<Runnable> background;
    private final Texts texts;
    private final LabSession session = new LabSession();
    private final CanvasViewModel canvas;
    private final InspectorViewModel inspector;
    private final CreateInterfaceViewModel createInterface;
    private final org.viflab.ui.forms.QuickFormViewModel quickForm;
    private final LogViewModel log;
    private final WatchedFlowsViewModel flows;
    private final TraceViewModel trace;
    private final ScenarioViewModel scenario;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty classroom = new SimpleBooleanProperty(this, "classroom");
    private final BooleanProperty formShown = new SimpleBooleanProperty(this, "formShown");
    private final BooleanProperty quickFormShown = new SimpleBooleanProperty(this, "quickFormShown");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty demoDeclined = new SimpleBooleanProperty(this, "demoDeclined");
    private final BooleanBinding offerDemo;
    private final AtomicFile.Opener scenarioOutput;
    private ShownFile shownFile;

    /**
     * @param background runs a long task off the FX thread (a new thread in the app; the caller's
     *                   thread in tests)
     */
    public MainViewModel(LabStore store, Texts texts, Notifier notifier, Consumer<Runnable> background) {
        this(store, texts, notifier, background, AtomicFile.ON_DISK);
    }

    /** @param scenarioOutput opens the stream a saved scenario is written to (tests make it fail) */
    MainViewModel(LabStore store, Texts texts, Notifier notifier, Consumer<Runnable> background,
                  AtomicFile.Opener scenarioOutput) {
        this.scenarioOutput = scenarioOutput;
        this.store = store;
        this.texts = texts;
        this.notifier = notifier;
        this.background = background;
        canvas = new CanvasViewModel(session, texts);
        inspector = new InspectorViewModel(session, texts);
        createInterface = new CreateInterfaceViewModel(session, texts);
        quickForm = new org.viflab.ui.forms.QuickFormViewModel(session, texts);
        log = new LogViewModel(session, texts);
        flows = new WatchedFlowsViewModel(session, texts);
        trace = new TraceViewModel(session, texts, canvas);
        scenario = new ScenarioViewModel(session, texts, () -> Lab.open(store.inMemory(), JournalCodec.INSTANCE));
        scenario.onTrace(trace::show);
        canvas.selectedProperty().addListener((obs, old, now) ->
                inspector.subjectProperty().set(CanvasViewModel.inspected(now, canvas.layout()).orElse(null)));
        canvas.emphasisedFlowProperty().bind(flows.selectedProperty());
        createInterface.createdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                formShown.set(false);
                canvas.selectedProperty().set(org.viflab.ui.canvas.CanvasKey.of(
                        org.viflab.ui.canvas.CanvasKey.Kind.INTERFACE, now));
            }
        });
        quickForm.createdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                quickFormShown.set(false);
                org.viflab.ui.canvas.CanvasKey.Kind shown = switch (quickForm.kindProperty().get()) {
                    case SUBNET -> org.viflab.ui.canvas.CanvasKey.Kind.SUBNET;
                    case HOST -> org.viflab.ui.canvas.CanvasKey.Kind.PLATFORM;
                    case INSTANCE -> org.viflab.ui.canvas.CanvasKey.Kind.INSTANCE;
                    case SECURITY_GROUP -> null;
                };
                if (shown != null) {
                    canvas.selectedProperty().set(org.viflab.ui.canvas.CanvasKey.of(shown, now));
                }
            }
        });
        session.addListener(this::heard);
        offerDemo = Bindings.createBooleanBinding(() -> session.lab().isPresent() && !loading.get()
                        && !demoDeclined.get() && isEmpty(session.topology()),
                session.revisionProperty(), loading, demoDeclined, session.labProperty());
    }

    private static boolean isEmpty(Topology t) {
        return t.partitions().isEmpty() && t.platforms().isEmpty() && t.instances().isEmpty();
    }

    private void heard(SessionEvent event) {
        event.rejection().ifPresent(r -> notifier.rejected(texts.errorTitle(r.code().code()),
                r.message(texts.locale())));
        if (event.type() == SessionEvent.Type.OPENED) {
            canvas.selectedProperty().set(null);
            trace.clear();
            formShown.set(false);
            quickFormShown.set(false);
            createInterface.reset();
        }
    }

    // ---- parts ------------------------------------------------------------------------------

    public LabSession session() {
        return session;
    }

    public Texts texts() {
        return texts;
    }

    public CanvasViewModel canvas() {
        return canvas;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public CreateInterfaceViewModel createInterface() {
        return createInterface;
    }

    public org.viflab.ui.forms.QuickFormViewModel quickForm() {
        return quickForm;
    }

    /** Whether one of the palette's short forms is shown in place of the inspector. */
    public BooleanProperty quickFormShownProperty() {
        return quickFormShown;
    }

    /** Opens a short form for a kind of object, prefilled from where its palette item was dropped. */
    public void showQuickForm(org.viflab.ui.forms.QuickFormViewModel.Kind kind,
                              Optional<org.viflab.ui.canvas.CanvasKey> droppedOn) {
        quickForm.start(kind, droppedOn.map(k -> org.viflab.ui.forms.QuickFormViewModel.hintsFrom(k.kind().prefix(),
                k.id(), session.topology())).orElse(java.util.Map.of()));
        formShown.set(false);
        quickFormShown.set(true);
    }

    public LogViewModel log() {
        return log;
    }

    public WatchedFlowsViewModel flows() {
        return flows;
    }

    public TraceViewModel trace() {
        return trace;
    }

    public ScenarioViewModel scenario() {
        return scenario;
    }

    public Notifier notifier() {
        return notifier;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Classroom mode: full screen, large print, high contrast, the narration as a caption. */
    public BooleanProperty classroomProperty() {
        return classroom;
    }

    /** Whether the create-interface form is shown in place of the inspector. */
    public BooleanProperty formShownProperty() {
        return formShown;
    }

    /** A lab is being opened (the progress bar shows). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A short note for the status bar (what is loading, what was saved). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether to offer the demo lab: the open lab is empty and the offer was not declined. */
    public BooleanBinding offerDemoProperty() {
        return offerDemo;
    }

    public BooleanBinding canStep() {
        return session.pendingCountProperty().greaterThan(0);
    }

    // ---- labs -------------------------------------------------------------------------------

    /** Shows an already open lab (used at start-up and by tests). */
    public void show(Lab lab, String name) {
        session.open(lab, name);
    }

    /**
     * Opens the lab at a file path or JDBC URL off the FX thread, with the progress bar showing, then
     * shows it. {@code then} runs on the FX thread once it is shown.
     *
     * <p>The lab file shown now is not opened a second time: the user is told it is open already.
     * A lab the database refuses (open in another window or program, damaged, not a lab, saved by
     * a newer VIF Lab…) is told with the database's own sentence; the lab shown stays.
     */
    public void openLab(String location, Runnable then) {
        String key = fileKey(location);
        if (shownFile != null && shownFile.key().equals(key) && session.lab().orElse(null) == shownFile.lab()) {
            notifier.info(texts.get("open.alreadyOpen", location));
            then.run();
            return;
        }
        loading.set(true);
        message.set(texts.get("status.loading", location));
        background.accept(() -> {
            Opened opened;
            try {
                opened = prepare(location);
            } catch (RuntimeException e) {
                fx(() -> {
                    loading.set(false);
                    message.set("");
                    if (e instanceof Repository.StoreException refused) {
                        notifier.failed(texts.get("error.open", location),
                                refused.sentence().in(texts.locale()) + " " + texts.get("error.open.kept"));
                    } else {
                        notifier.unexpected(texts.get("error.open", location), e);
                    }
                });
                return;
            }
            fx(() -> {
                loading.set(false);
                message.set("");
                canvas.prepared(opened.snapshot(), opened.layout());
                session.open(opened.lab(), location);
                shownFile = new ShownFile(opened.lab(), key);
                then.run();
            });
        });
    }

    /** A lab opened off the FX thread, with its first snapshot and canvas layout. */
    private record Opened(Lab lab, Topology snapshot, org.viflab.ui.canvas.Layout layout) {
    }

    /** The lab opened from a file (or URL), and that file: opening it again is not needed. */
    private record ShownFile(Lab lab, String key) {
    }

    /** Opens the lab; if anything fails after the database was opened, closes it again (releasing the file). */
    private Opened prepare(String location) {
        Repository repository = store.open(location);
        try {
            Lab lab = Lab.open(repository, JournalCodec.INSTANCE);
            // The canvas layout of a large lab takes a moment too: compute it here, off the FX thread.
            Topology snapshot = lab.snapshot();
            org.viflab.ui.canvas.Layout layout = org.viflab.ui.canvas.TopologyLayout.compute(snapshot,
                    lab.fieldView(), null);
            return new Opened(lab, snapshot, layout);
        } catch (RuntimeException e) {
            try {
                repository.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** One spelling for one lab file: absolute, normalised, without the store's suffix. */
    private String fileKey(String location) {
        String text = location.trim();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return text;
        }
        if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        if (text.endsWith(store.fileSuffix())) {
            text = text.substring(0, text.length() - store.fileSuffix().length());
        }
        try {
            return Path.of(text).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return text;
        }
    }

    /** Makes a new, empty lab file and opens it. */
    public void newLab(Path file) {
        String location = file.toString();
        String suffix = store.fileSuffix();
        if (location.endsWith(suffix)) {
            location = location.substring(0, location.length() - suffix.length());
        }
        openLab(location, () -> { });
    }

    /** Opens a scratch lab that lives in memory. */
    public void newScratchLab() {
        session.open(Lab.open(store.inMemory(), JournalCodec.INSTANCE), texts.get("status.scratch"));
    }

    /** Builds the demo lab into the open (empty) lab. */
    public void loadDemo() {
        Lab lab = session.lab().orElseThrow();
        try {
            DemoLab.build(lab);
        } catch (RuntimeException e) {
            notifier.unexpected(texts.get("error.demo"), e);
        }
        session.open(lab, session.labNameProperty().get());
        notifier.info(texts.get("demo.loaded"));
    }

    public void declineDemo() {
        demoDeclined.set(true);
    }

    /** Opens a scenario file in a fresh lab. */
    public boolean openScenario(Path file) {
        boolean ok = scenario.open(file);
        if (!ok) {
            notifier.rejected(texts.get("scenario.cannotOpen"), scenario.errorProperty().get());
        }
        return ok;
    }

    /**
     * Saves the current lab, including what was done by hand and the watched flows, as a scenario
     * file. The file is replaced in one move: when the write fails (the disk is full, the folder
     * cannot be written…) the user is told why in plain words, and a file already there is left as
     * it was.
     */
    public boolean saveScenario(Path file, String title) {
        String text;
        try {
            text = scenario.saveText(title);
        } catch (RuntimeException e) {
            notifier.unexpected(texts.get("error.save", file), e);
            return false;
        }
        boolean existed = Files.isRegularFile(file);
        try {
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8), scenarioOutput);
        } catch (IOException e) {
            notifier.failed(texts.get("error.save", file), WriteProblem.explain(texts, file, e) + " "
                    + texts.get(existed ? "error.save.keptFile" : "error.save.kept"));
            return false;
        }
        notifier.info(texts.get("status.saved", file.getFileName() == null ? file : file.getFileName()));
        return true;
    }

    // ---- toolbar commands -------------------------------------------------------------------

    public void undo() {
        session.undo();
    }

    public void redo() {
        session.redo();
    }

    /** Applies the next queued configuration operation (stepwise propagation). */
    public void step() {
        if (session.pendingCountProperty().get() > 0) {
            session.propagate(1);
        }
    }

    public void setMode(Mode mode) {
        if (session.lab().isPresent() && session.modeProperty().get() != mode) {
            session.setMode(mode);
        }
    }

    public void toggleMode() {
        setMode(session.modeProperty().get() == Mode.INSTANT ? Mode.STEPWISE : Mode.INSTANT);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void toggleClassroom() {
        classroom.set(!classroom.get());
    }

    /** Opens the create-interface form, in a subnet if one is given. */
    public void showCreateInterface(Optional<org.viflab.model.SubnetId> subnet) {
        createInterface.reset();
        subnet.ifPresent(createInterface::startIn);
        quickFormShown.set(false);
        formShown.set(true);
    }

    /** The last rejection as {@code Code: sentence}, the sentence in {@code locale}'s language, for the status bar. */
    public static String describe(Outcome.Rejected rejected, Locale locale) {
        return rejected == null ? "" : rejected.code().code() + ": " + rejected.message(locale);
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Closes the lab (the app is quitting). */
    public void close() {
        session.close();
    }
}
