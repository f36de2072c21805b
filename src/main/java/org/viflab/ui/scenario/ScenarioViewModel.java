package org.viflab.ui.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Flow;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.scenario.Scenario;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioReader;
import org.viflab.scenario.ScenarioWriter;
import org.viflab.scenario.Step;
import org.viflab.ui.LabSession;
import org.viflab.ui.Texts;

/**
 * The Scenario tab and classroom mode: the open scenario's steps with their narration, which step
 * comes next, and Next / Back / Run all / Reset. Opening a scenario builds its starting topology in
 * a fresh in-memory lab (the lab file on disk is left alone) and pins its watched flows.
 *
 * <p>Steps are sent through the session like any action, so they appear in the log and can be
 * undone. Checking a step's expectations is the scenario runner's job; until it is available the
 * tab shows what the coordinator answered.
 */
public final class ScenarioViewModel {

    private final LabSession session;
    private final Texts texts;
    private final Supplier<Lab> freshLab;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper next = new ReadOnlyIntegerWrapper(this, "next", 0);
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<StepRow> results = new ArrayList<>();
    private Consumer<Trace> traceShown = t -> { };
    private Path source;

    public ScenarioViewModel(LabSession session, Texts texts, Supplier<Lab> freshLab) {
        this.session = session;
        this.texts = texts;
        this.freshLab = freshLab;
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

    /** Index (from 0) of the step Next runs; the number of steps when all have run. */
    public ReadOnlyIntegerProperty nextProperty() {
        return next.getReadOnlyProperty();
    }

    /** The narration of the last step run (or the scenario's description before step 1). */
    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    /** Why the last scenario file could not be opened. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding hasNext() {
        return Bindings.createBooleanBinding(() -> scenario.get() != null && next.get() < scenario.get().steps().size(),
                scenario, next);
    }

    public BooleanBinding hasBack() {
        return Bindings.createBooleanBinding(() -> scenario.get() != null && next.get() > 0, scenario, next);
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Reads a scenario file and opens it; returns false (with {@link #errorProperty()}) if it cannot. */
    public boolean open(Path file) {
        try {
            Scenario read = ScenarioReader.read(file);
            source = file;
            return open(read);
        } catch (ScenarioException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /** Opens a scenario: a fresh lab with its starting topology and watched flows, no step run yet. */
    public boolean open(Scenario s) {
        Lab lab = freshLab.get();
        for (Submission setup : s.setup()) {
            Outcome outcome = lab.submit(setup).outcome().orElseThrow();
            if (!outcome.isAccepted()) {
                lab.close();
                error.set(texts.get("scenario.error.setup", setup.request().describe(), outcome));
                return false;
            }
        }
        for (Map.Entry<String, Flow> watch : s.watch().entrySet()) {
            try {
                lab.watch(watch.getKey(), watch.getValue());
            } catch (IllegalArgumentException e) {
                lab.close();
                error.set(texts.get("scenario.error.watch", watch.getKey(), e.getMessage()));
                return false;
            }
        }
        lab.setMode(s.propagation() == org.viflab.scenario.Propagation.STEPWISE ? Mode.STEPWISE : Mode.INSTANT);
        error.set("");
        scenario.set(s);
        results.clear();
        next.set(0);
        session.open(lab, texts.get("scenario.labName", s.title()));
        narration.set(s.description().orElse(s.title()).strip());
        refreshRows();
        return true;
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

    /** Runs the next step; returns false when there is none. */
    public boolean next() {
        Scenario s = scenario.get();
        if (s == null || next.get() >= s.steps().size()) {
            return false;
        }
        Step step = s.steps().get(next.get());
        results.add(run(step));
        narration.set(step.narration().orElse(step.action().describe()));
        next.set(next.get() + 1);
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
        if (target == 0) {
            narration.set(s.description().orElse(s.title()).strip());
        }
    }

    private StepRow run(Step step) {
        String narrationText = step.narration().orElse("");
        String action = step.action().describe();
        Step.Action a = step.action();
        if (a instanceof Step.Submit submit) {
            Lab.Result result = session.send(action, List.of(submit.submission()));
            Optional<Outcome> outcome = result.outcome();
            if (outcome.isPresent() && outcome.get() instanceof Outcome.Rejected r) {
                return new StepRow(step.index(), narrationText, action, StepRow.Status.REJECTED,
                        r.code().code() + ": " + r.message());
            }
            String changed = result.changes().isEmpty() ? "" : "  " + String.join("; ",
                    result.changes().stream().map(c -> c.describe()).toList());
            return new StepRow(step.index(), narrationText, action, StepRow.Status.ACCEPTED,
                    texts.get("scenario.accepted") + changed);
        }
        if (a instanceof Step.TraceFlow traceFlow) {
            try {
                Trace trace = session.trace(traceFlow.flow());
                traceShown.accept(trace);
                return new StepRow(step.index(), narrationText, action, StepRow.Status.TRACED,
                        trace.disposition() + (trace.landing().isEmpty() ? "" : " → " + trace.landing()));
            } catch (IllegalArgumentException e) {
                return new StepRow(step.index(), narrationText, action, StepRow.Status.REJECTED, e.getMessage());
            }
        }
        if (a instanceof Step.Propagate propagate) {
            Lab.Result result = session.propagate(propagate.steps().orElse(Integer.MAX_VALUE));
            return new StepRow(step.index(), narrationText, action, StepRow.Status.PROPAGATED,
                    texts.get("scenario.propagated", result.applied().size()));
        }
        Step.Malformed malformed = (Step.Malformed) a;
        return new StepRow(step.index(), narrationText, action, StepRow.Status.REJECTED,
                malformed.code().code() + ": " + malformed.message());
    }

    private void refreshRows() {
        Scenario s = scenario.get();
        List<StepRow> rows = new ArrayList<>(results);
        if (s != null) {
            for (int i = results.size(); i < s.steps().size(); i++) {
                Step step = s.steps().get(i);
                rows.add(new StepRow(step.index(), step.narration().orElse(""), step.action().describe(),
                        i == next.get() ? StepRow.Status.NEXT : StepRow.Status.NOT_RUN, ""));
            }
        }
        steps.setAll(rows);
    }

    // ---- saving -----------------------------------------------------------------------------

    /** The current lab (including what was done by hand) as scenario text titled {@code title}. */
    public String saveText(String title) {
        return ScenarioWriter.write(session.topology(), title);
    }
}
