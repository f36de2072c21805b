package org.viflab.ui.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Flow;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.scenario.LabRecording;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioReader;
import org.viflab.scenario.ScenarioRun;
import org.viflab.scenario.ScenarioWriter;
import org.viflab.scenario.Step;
import org.viflab.scenario.StepResult;
import org.viflab.ui.LabSession;
import org.viflab.ui.SessionEvent;
import org.viflab.ui.SaidText;
import org.viflab.ui.Texts;

/**
 * The Scenario tab and classroom mode: the open scenario's steps with their narration, which step
 * comes next, whether each step's expectations held, and Next / Back / Run all / Reset.
 *
 * <p>Opening a scenario builds its starting topology in a fresh in-memory lab (the lab file on disk
 * is left alone); the scenario runner ({@link ScenarioRun}) plays the steps on it and checks them.
 * The GUI shows the lab through the session as usual, so every step appears in the log.
 */
public final class ScenarioViewModel {

    private final LabSession session;
    private final Texts texts;
    private final Supplier<Lab> freshLab;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<Path> library = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper next = new ReadOnlyIntegerWrapper(this, "next", 0);
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final SaidText error;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Consumer<Trace> traceShown = t -> { };
    private ScenarioRun run;
    private Lab runLab;
    private long runStart;
    private Path source;
    private LabRecording recording;
    private boolean stepping;

    public ScenarioViewModel(LabSession session, Texts texts, Supplier<Lab> freshLab) {
        this.session = session;
        this.texts = texts;
        this.freshLab = freshLab;
        this.error = new SaidText(this, "error", texts);
        session.addListener(this::heard);
        texts.localeProperty().addListener((obs, old, now) -> refreshRows());
    }

    /**
     * Keeps what is needed to save the lab with what was done since it was shown: the start (the
     * open scenario's, or the lab as it was shown), the steps played and propagation done by hand.
     */
    private void heard(SessionEvent event) {
        Optional<Lab> lab = session.lab();
        if (lab.isEmpty()) {
            return;
        }
        long version = session.topology().version();
        switch (event.type()) {
            // The open scenario's lab, as its topology left it (the demo may be built into an empty one).
            case OPENED -> recording = run != null && lab.get() == runLab && run.results().isEmpty()
                    && version == runStart
                    ? LabRecording.fromScenario(run.scenario(), session.topology())
                    : LabRecording.fromSnapshot(session.topology(), session.modeProperty().get() == Mode.STEPWISE
                    ? org.viflab.scenario.Propagation.STEPWISE : org.viflab.scenario.Propagation.INSTANT);
            case PROPAGATED, MODE -> {
                int applied = event.result().map(r -> r.applied().size()).orElse(0);
                if (!stepping && recording != null && applied > 0) {
                    recording.propagated(OptionalInt.of(applied), version);
                }
            }
            case ACTION, UNDO, REDO -> {
                // A request done by hand while propagation is instant is realized at once: a
                // stepwise scenario needs the queue drained there.
                if (!stepping && recording != null && session.modeProperty().get() == Mode.INSTANT
                        && event.result().map(r -> !r.applied().isEmpty()).orElse(false)) {
                    recording.propagated(OptionalInt.empty(), version);
                }
            }
            case WATCH -> {
                // watched flows are read when saving
            }
        }
    }

    /** Where a trace step's trace is shown (the Trace tab). */
    public void onTrace(Consumer<Trace> show) {
        traceShown = show;
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    /** The built-in scenarios found in the library folder. */
    public ObservableList<Path> library() {
        return library;
    }

    /** Index (from 0) of the step Next runs; the number of steps when all have run. */
    public ReadOnlyIntegerProperty nextProperty() {
        return next.getReadOnlyProperty();
    }

    /** The narration of the last step run (or the scenario's description before step 1). */
    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    /**
     * Why the last scenario file could not be opened: {@code file:line:col: reason}, the reason in the
     * UI's language (said again when the language changes).
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.property();
    }

    /** How many of the steps run so far held their expectations, e.g. {@code 4 of 4 steps passed}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding hasNext() {
        return Bindings.createBooleanBinding(() -> scenario.get() != null && next.get() < scenario.get().steps().size(),
                scenario, next);
    }

    public BooleanBinding hasBack() {
        return Bindings.createBooleanBinding(() -> scenario.get() != null && next.get() > 0, scenario, next);
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Lists the scenario files ({@code .yaml}, {@code .json}) of a library folder, by name. */
    public void loadLibrary(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            library.clear();
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            library.setAll(files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
            }).sorted().toList());
        } catch (IOException e) {
            library.clear();
        }
    }

    /** Reads a scenario file and opens it; returns false (with {@link #errorProperty()}) if it cannot. */
    public boolean open(Path file) {
        try {
            Scenario read = ScenarioReader.read(file);
            if (open(read)) {
                source = file;
                return true;
            }
            return false;
        } catch (ScenarioException e) {
            say(e);
            return false;
        }
    }

    /** Opens a scenario: a fresh lab with its starting topology and watched flows, no step run yet. */
    public boolean open(Scenario s) {
        Lab lab = freshLab.get();
        ScenarioRun started = new ScenarioRun(s, lab);
        try {
            started.start();
        } catch (ScenarioException e) {
            lab.close();
            say(e);
            return false;
        }
        say(t -> "");
        run = started;
        runLab = lab;
        runStart = lab.snapshot().version();
        scenario.set(s);
        next.set(0);
        session.open(lab, texts.get("scenario.labName", s.title()));
        narration.set(s.description().orElse(s.title()).strip());
        refreshRows();
        return true;
    }

    private void say(ScenarioException e) {
        say(t -> e.message(t.locale()));
    }

    private void say(Function<Texts, String> words) {
        error.say(words);
    }

    /** Opens the scenario again from its starting topology. */
    public void reset() {
        Scenario s = scenario.get();
        if (s != null) {
            open(s);
        }
    }

    /** Where the open scenario was read from, if it came from a file. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    // ---- stepping ---------------------------------------------------------------------------

    /** Runs the next step and checks its expectations; returns false when there is none. */
    public boolean next() {
        if (run == null || !run.hasNext()) {
            return false;
        }
        long before = runLab.snapshot().version();
        StepResult result;
        stepping = true;
        try {
            result = run.next();
        } finally {
            stepping = false;
        }
        if (recording != null && recording.fromScenario() && session.lab().orElse(null) == runLab) {
            recording.played(result.step(), before, runLab.snapshot().version());
        }
        result.trace().ifPresent(traceShown);
        Step step = result.step();
        narration.set(step.narration().orElse(step.action().describe()));
        next.set(run.results().size());
        refreshRows();
        return true;
    }

    /** Runs every remaining step. */
    public void runAll() {
        while (next()) {
            // each step is one action
        }
    }

    /** Goes back one step: the scenario is opened again and the steps before it are run. */
    public void back() {
        Scenario s = scenario.get();
        if (s == null || next.get() == 0) {
            return;
        }
        int target = next.get() - 1;
        open(s);
        for (int i = 0; i < target; i++) {
            next();
        }
    }

    private void refreshRows() {
        Scenario s = scenario.get();
        List<StepRow> rows = new ArrayList<>();
        List<StepResult> results = run == null ? List.of() : run.results();
        int passed = 0;
        for (StepResult r : results) {
            Step step = r.step();
            rows.add(new StepRow(step.index(), step.narration().orElse(""), step.action().describe(),
                    r.passed() ? StepRow.Status.PASSED : StepRow.Status.FAILED, r.answer(texts.locale()),
                    r.failures(texts.locale())));
            passed += r.passed() ? 1 : 0;
        }
        if (s != null) {
            for (int i = results.size(); i < s.steps().size(); i++) {
                Step step = s.steps().get(i);
                rows.add(new StepRow(step.index(), step.narration().orElse(""), step.action().describe(),
                        i == next.get() ? StepRow.Status.NEXT : StepRow.Status.NOT_RUN, "", List.of()));
            }
        }
        steps.setAll(rows);
        summary.set(results.isEmpty() ? "" : texts.get("scenario.summary", passed, results.size()));
    }

    // ---- saving -----------------------------------------------------------------------------

    /**
     * The current lab as scenario text titled {@code title}: the lab as it was when it was shown
     * (or the open scenario's topology), then what was done since, as steps: the scenario's steps
     * played (with their narration) and the requests done by hand, in the order they happened.
     * Run to the end, it arrives at the lab as it is now (see {@link LabRecording}).
     */
    public String saveText(String title) {
        Map<String, Flow> watched = new LinkedHashMap<>();
        session.watched().forEach((name, trace) -> watched.put(name, trace.flow()));
        Lab lab = session.lab().orElseThrow(() -> new IllegalStateException("no lab is open"));
        Optional<Scenario> replaying = recording == null ? Optional.empty()
                : recording.scenario(title, lab.journal(), watched);
        // A journal that keeps only descriptions cannot be replayed: the lab as it is now, then.
        return replaying.map(ScenarioWriter::write).orElseGet(() -> ScenarioWriter.write(session.topology(), title, watched));
    }
}
