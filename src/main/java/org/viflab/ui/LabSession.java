package org.viflab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.viflab.coordinator.FieldView;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Propagation;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Flow;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.lab.LabEvent;
import org.viflab.model.ConfigOperation;
import org.viflab.model.PrincipalId;
import org.viflab.model.Topology;

/**
 * The lab the GUI has open, and the one way the GUI changes it. Every command runs on the FX thread,
 * goes to the {@link Lab} (so it is a coordinator request like a scenario's, and one undo step),
 * refreshes the published state and then tells the listeners what happened.
 *
 * <p>Use it from one thread: the FX thread in the app. Lab events that another writer causes are
 * brought to the FX thread.
 *
 * <p>State is published read-only (the snapshot, pending operations, undo availability, the last
 * error); the acting principal is the one property views may set.
 */
public final class LabSession {

    private final ReadOnlyObjectWrapper<Lab> lab = new ReadOnlyObjectWrapper<>(this, "lab");
    private final ReadOnlyStringWrapper labName = new ReadOnlyStringWrapper(this, "labName", "");
    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>(this, "topology", Topology.empty());
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObjectProperty<PrincipalId> principal = new SimpleObjectProperty<>(this, "principal", Topology.OPERATOR);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.INSTANT);
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final ReadOnlyObjectWrapper<Outcome.Rejected> lastError = new ReadOnlyObjectWrapper<>(this, "lastError");
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();

    private Runnable unhook = () -> { };

    {
        // Requests always act as someone: an emptied chooser falls back to the operator.
        principal.addListener((obs, old, now) -> {
            if (now == null) {
                principal.set(Topology.OPERATOR);
            }
        });
    }
    private volatile boolean commanding;
    /** Undo steps taken in this session: undo never reaches behind what was there when the lab opened. */
    private int undoDepth;
    /** The thread the session is used from (the FX thread in the app). */
    private volatile Thread owner;

    // ---- state ------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Lab> labProperty() {
        return lab.getReadOnlyProperty();
    }

    public Optional<Lab> lab() {
        return Optional.ofNullable(lab.get());
    }

    public ReadOnlyStringProperty labNameProperty() {
        return labName.getReadOnlyProperty();
    }

    /** The desired state after the last change. */
    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public Topology topology() {
        return topology.get();
    }

    /** Counts refreshes: every change of anything the session publishes moves it on. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The principal the GUI's requests act as. */
    public ObjectProperty<PrincipalId> principalProperty() {
        return principal;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    /** The last rejection of a request sent from the GUI (cleared by the next accepted one). */
    public ReadOnlyObjectProperty<Outcome.Rejected> lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** The shared field vocabulary over the current state (status, MACs, free addresses…). */
    public FieldView fieldView() {
        return requireLab().fieldView();
    }

    /** The fields of one object, as the inspector shows them. */
    public Optional<Map<String, Object>> fields(Request.Kind kind, String id) {
        return lab().flatMap(l -> l.fields(kind, id));
    }

    public List<Propagation.Pending> pending() {
        return lab().map(Lab::pending).orElse(List.of());
    }

    /** The watched flows' current traces, by name. */
    public Map<String, Trace> watched() {
        return lab().map(Lab::watched).orElse(Map.of());
    }

    public Runnable addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Shows {@code newLab} from now on and closes the lab shown before. */
    public void open(Lab newLab, String name) {
        Objects.requireNonNull(newLab, "newLab");
        Lab old = lab.get();
        unhook.run();
        unhook = newLab.addListener(this::heard);
        lab.set(newLab);
        owner = Thread.currentThread();
        undoDepth = 0;
        labName.set(Objects.requireNonNull(name, "name"));
        lastError.set(null);
        refresh();
        publish(new SessionEvent(SessionEvent.Type.OPENED, name, principal.get(), List.of(), Optional.empty(), List.of()));
        if (old != null && old != newLab) {
            old.close();
        }
    }

    /**
     * Publishes the lab's state again as it is now, after a failure in the GUI may have left a view
     * behind it. Changes nothing in the lab.
     */
    public void resync() {
        refresh();
    }

    /** Closes the lab (when the app quits). */
    public void close() {
        unhook.run();
        Lab old = lab.get();
        if (old != null) {
            old.close();
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Sends one request as the acting principal. */
    public Lab.Result submit(Request request) {
        return submitAll(request.describe(), List.of(request));
    }

    /** Sends requests as the acting principal, as one user action and one undo step. */
    public Lab.Result submitAll(String description, List<Request> requests) {
        PrincipalId as = principal.get();
        List<Submission> submissions = requests.stream().map(r -> Submission.as(as, r)).toList();
        return send(description, submissions);
    }

    /** Sends prepared submissions (each with its own principal) as one action. */
    public Lab.Result send(String description, List<Submission> submissions) {
        Lab l = requireLab();
        List<Propagation.Pending> before = l.pending();
        String undoBefore = l.undoDescription().orElse("");
        boolean redoBefore = l.canRedo();
        Lab.Result result = command(() -> l.submitAll(submissions, description));
        boolean recorded = result.accepted() && l.canUndo()
                && (!l.undoDescription().orElse("").equals(undoBefore) || (redoBefore && !l.canRedo()));
        if (recorded && submissions.stream().noneMatch(Submission::dryRun)) {
            undoDepth++;
        }
        List<ConfigOperation> queued = newlyQueued(before, l.pending());
        lastError.set(result.outcome().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast)
                .orElse(null));
        refresh();
        publish(new SessionEvent(SessionEvent.Type.ACTION, description, submissions.isEmpty() ? principal.get()
                : submissions.get(0).as(), submissions, Optional.of(result), queued));
        return result;
    }

    /**
     * Asks the coordinator whether the request would be accepted, changing nothing. Answers
     * {@code DryRunOperation} when it would.
     */
    public Outcome dryRun(Request request) {
        Lab l = requireLab();
        return command(() -> l.submit(Submission.as(principal.get(), request).asDryRun())).outcome().orElseThrow();
    }

    /** Whether a dry run of {@code request} says it would be accepted. */
    public static boolean wouldAccept(Outcome dryRun) {
        return dryRun instanceof Outcome.Rejected r && r.code() == org.viflab.coordinator.ErrorCode.DRY_RUN_OPERATION;
    }

    public Optional<Lab.Result> undo() {
        Lab l = requireLab();
        String description = l.undoDescription().orElse("");
        List<Propagation.Pending> before = l.pending();
        if (undoDepth == 0) {
            return Optional.empty();
        }
        Optional<Lab.Result> result = command(l::undo);
        result.ifPresent(r -> {
            if (r.accepted()) {
                undoDepth--;
            }
            lastError.set(r.outcome().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast).orElse(null));
            refresh();
            publish(new SessionEvent(SessionEvent.Type.UNDO, description, principal.get(), List.of(), Optional.of(r),
                    newlyQueued(before, l.pending())));
        });
        return result;
    }

    public Optional<Lab.Result> redo() {
        Lab l = requireLab();
        String description = l.redoDescription().orElse("");
        List<Propagation.Pending> before = l.pending();
        Optional<Lab.Result> result = command(l::redo);
        result.ifPresent(r -> {
            if (r.accepted()) {
                undoDepth++;
            }
            lastError.set(r.outcome().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast).orElse(null));
            refresh();
            publish(new SessionEvent(SessionEvent.Type.REDO, description, principal.get(), List.of(), Optional.of(r),
                    newlyQueued(before, l.pending())));
        });
        return result;
    }

    /** Applies the next {@code n} queued configuration operations. */
    public Lab.Result propagate(int n) {
        Lab l = requireLab();
        Lab.Result result = command(() -> l.propagate(n));
        refresh();
        publish(new SessionEvent(SessionEvent.Type.PROPAGATED, "propagate " + n, principal.get(), List.of(),
                Optional.of(result), List.of()));
        return result;
    }

    public Lab.Result drain() {
        return propagate(Integer.MAX_VALUE);
    }

    public Lab.Result setMode(Mode newMode) {
        Lab l = requireLab();
        Lab.Result result = command(() -> l.setMode(newMode));
        refresh();
        publish(new SessionEvent(SessionEvent.Type.MODE, newMode.name(), principal.get(), List.of(),
                Optional.of(result), List.of()));
        return result;
    }

    /** Traces one flow through the fabric as it is now. */
    public Trace trace(Flow flow) {
        return requireLab().trace(flow);
    }

    /** Pins a flow to watch (replacing one of the same name). */
    public Trace watch(String name, Flow flow) {
        Lab l = requireLab();
        Trace trace = command(() -> l.watch(name, flow));
        refresh();
        publish(new SessionEvent(SessionEvent.Type.WATCH, name, principal.get(), List.of(), Optional.empty(), List.of()));
        return trace;
    }

    public boolean unwatch(String name) {
        Lab l = requireLab();
        boolean removed = command(() -> l.unwatch(name));
        refresh();
        publish(new SessionEvent(SessionEvent.Type.WATCH, name, principal.get(), List.of(), Optional.empty(), List.of()));
        return removed;
    }

    // ---- internals --------------------------------------------------------------------------

    private <T> T command(java.util.function.Supplier<T> body) {
        boolean outer = !commanding;
        commanding = true;
        try {
            return body.get();
        } finally {
            if (outer) {
                commanding = false;
            }
        }
    }

    /**
     * A lab event that no session command caused (the scenario runner, another writer): refresh at
     * once on the session's own thread, else on the FX thread.
     */
    private void heard(LabEvent event) {
        if (commanding) {
            return;
        }
        Runnable update = () -> {
            refresh();
            SessionEvent.Type type = switch (event.type()) {
                case PROPAGATED -> SessionEvent.Type.PROPAGATED;
                case MODE -> SessionEvent.Type.MODE;
                case WATCH -> SessionEvent.Type.WATCH;
                case REQUEST, RESET -> SessionEvent.Type.ACTION;
            };
            String description = event.outcome().map(o -> o.submission().request().describe()).orElse(event.type().name());
            Lab.Result result = new Lab.Result(event.outcome(), event.applied(), event.changes());
            List<Submission> submissions = event.outcome().map(o -> List.of(o.submission())).orElse(List.of());
            PrincipalId as = submissions.isEmpty() ? principal.get() : submissions.get(0).as();
            publish(new SessionEvent(type, description, as, submissions, Optional.of(result), queuedBy(event)));
        };
        if (Thread.currentThread() == owner) {
            update.run();
            return;
        }
        try {
            Platform.runLater(update);
        } catch (IllegalStateException toolkitNotRunning) {
            update.run();
        }
    }

    /** The operations a request initiated that it did not apply at once: they wait in the queue. */
    private static List<ConfigOperation> queuedBy(LabEvent event) {
        if (event.type() != LabEvent.Type.REQUEST || event.outcome().isEmpty()
                || !(event.outcome().get() instanceof Outcome.Accepted accepted) || accepted.replayed()) {
            return List.of();
        }
        List<ConfigOperation> queued = new ArrayList<>(accepted.operations());
        for (ConfigOperation applied : event.applied()) {
            queued.remove(applied);
        }
        return queued;
    }

    private static List<ConfigOperation> newlyQueued(List<Propagation.Pending> before, List<Propagation.Pending> after) {
        Map<Propagation.Pending, Integer> seen = new java.util.HashMap<>();
        before.forEach(p -> seen.merge(p, 1, Integer::sum));
        List<ConfigOperation> added = new ArrayList<>();
        for (Propagation.Pending p : after) {
            Integer count = seen.get(p);
            if (count != null && count > 0) {
                seen.put(p, count - 1);
            } else {
                added.add(p.op());
            }
        }
        return added;
    }

    private void refresh() {
        Lab l = lab.get();
        if (l == null) {
            return;
        }
        topology.set(l.snapshot());
        mode.set(l.mode());
        pendingCount.set(l.pending().size());
        canUndo.set(l.canUndo() && undoDepth > 0);
        canRedo.set(l.canRedo());
        undoDescription.set(undoDepth > 0 ? l.undoDescription().orElse("") : "");
        redoDescription.set(l.redoDescription().orElse(""));
        if (!topology.get().principals().contains(principal.get())) {
            principal.set(Topology.OPERATOR);
        }
        revision.set(revision.get() + 1);
    }

    /**
     * Tells every listener, even when one of them fails: one broken view must not leave the others
     * showing a lab that is no longer there. The first failure is thrown once all have heard.
     */
    private void publish(SessionEvent event) {
        RuntimeException failed = null;
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private Lab requireLab() {
        Lab l = lab.get();
        if (l == null) {
            throw new IllegalStateException("no lab is open");
        }
        return l;
    }

}
