package org.viflab.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.FieldView;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.PropagationView;
import org.viflab.coordinator.Repository;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.RequestCodec;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.Propagation;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Counters;
import org.viflab.flow.Flow;
import org.viflab.flow.FlowChange;
import org.viflab.flow.FlowResolver;
import org.viflab.flow.FlowTracer;
import org.viflab.flow.Trace;
import org.viflab.flow.WatchedFlows;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.PartitionId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;

/**
 * One open lab. Every change goes through {@link #submit} (a coordinator request); the configuration
 * operations of each accepted request reach the fabric at once or, in stepwise propagation, when
 * {@link #propagate} applies them; after every change the watched flows are re-traced and
 * listeners hear what changed.
 *
 * <p>All methods are safe to call from any thread: one lock serializes changes, and readers get
 * immutable snapshots and traces.
 */
public final class Lab implements AutoCloseable {

    private final Repository repository;
    private final Coordinator coordinator;
    private final Propagation propagation;
    private final WatchedFlows watched = new WatchedFlows();
    private final Counters counters = new Counters();
    private final History history = new History();
    private final List<Consumer<LabEvent>> listeners = new CopyOnWriteArrayList<>();

    private Lab(Repository repository, RequestCodec codec) {
        this.repository = repository;
        this.coordinator = new Coordinator(repository, codec);
        // The stored lab was realized when its requests were accepted: compile it at once.
        this.propagation = new Propagation(Fabric.compile(coordinator.snapshot()), Mode.INSTANT);
        coordinator.propagation(new PropagationView() {
            @Override
            public boolean attaching(AttachmentId attachment) {
                return propagation.attaching(attachment);
            }

            @Override
            public boolean detaching(InterfaceId iface) {
                return propagation.detaching(iface);
            }

            @Override
            public boolean plugQueued(InterfaceId iface, InstanceId instance) {
                if (propagation.pendingCount() == 0) {
                    return false;
                }
                for (Propagation.Pending pending : propagation.pending()) {
                    if (pending.op() instanceof ConfigOperation.PlugOp plug && plug.plug()
                            && plug.iface().equals(iface) && plug.instance().equals(instance)) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    /** Opens a lab on a repository; the lab owns it from now on and closes it with itself. */
    public static Lab open(Repository repository) {
        return open(repository, RequestCodec.DESCRIPTION);
    }

    /** Opens a lab whose journal is written with {@code codec} (a replayable one, for saved labs). */
    public static Lab open(Repository repository, RequestCodec codec) {
        return new Lab(Objects.requireNonNull(repository, "repository"), codec);
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The desired state: what clients asked for. */
    public Topology snapshot() {
        return coordinator.snapshot();
    }

    /** A copy of the realized state: what the devices are programmed with now. */
    public synchronized Fabric fabric() {
        return propagation.fabric().copy();
    }

    public synchronized Mode mode() {
        return propagation.mode();
    }

    /** Configuration operations still queued (stepwise propagation), in order. */
    public synchronized List<Propagation.Pending> pending() {
        return propagation.pending();
    }

    /** The shared field vocabulary over the current snapshot and propagation state. */
    public FieldView fieldView() {
        return coordinator.fields();
    }

    /** The fields of one object (with monitoring counters for interface records), or empty if unknown. */
    public synchronized Optional<Map<String, Object>> fields(Request.Kind kind, String id) {
        Topology t = snapshot();
        FieldView view = coordinator.fields();
        try {
            return switch (kind) {
                case INTERFACES -> Optional.ofNullable(t.interfaces().get(InterfaceId.interfaceId(id))).map(r -> withCounters(view, r));
                case INSTANCES -> Optional.ofNullable(t.instances().get(InstanceId.instanceId(id))).map(view::of);
                case SUBNETS -> Optional.ofNullable(t.subnets().get(SubnetId.subnetId(id))).map(view::of);
                case PARTITIONS -> Optional.ofNullable(t.partitions().get(PartitionId.partitionId(id))).map(view::of);
                case SECURITY_GROUPS -> Optional.ofNullable(t.securityGroups().get(SecurityGroupId.securityGroupId(id))).map(view::of);
                case PLATFORMS -> Optional.ofNullable(t.platforms().get(org.viflab.model.PlatformId.platformId(id))).map(view::of);
                case ATTACHMENTS -> Optional.ofNullable(t.attachments().get(AttachmentId.attachmentId(id))).map(view::of);
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The fields of an object of any kind with this id (ids are unique per kind; the first kind found wins). */
    public Optional<Map<String, Object>> fieldsOfAnyKind(String id) {
        for (Request.Kind kind : Request.Kind.values()) {
            Optional<Map<String, Object>> found = fields(kind, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> withCounters(FieldView view, InterfaceRecord record) {
        Map<String, Object> fields = view.of(record);
        var c = counters.of(record.id());
        fields.put("counters", Map.of("packetsIn", c.packetsIn(), "packetsOut", c.packetsOut(),
                "bytesIn", c.bytesIn(), "bytesOut", c.bytesOut()));
        return fields;
    }

    /** Whether the fabric is what the desired state compiles to (always true once nothing is queued). */
    public synchronized boolean realized() {
        return propagation.fabric().equals(Fabric.compile(snapshot()));
    }

    // ---- changing --------------------------------------------------------------------------

    /** Submits one request; an accepted one is one undo step. */
    public Result submit(Submission submission) {
        return submitAll(List.of(submission), submission.request().describe());
    }

    /**
     * Submits requests as one user action (e.g. a drag that detaches and re-attaches): all are
     * applied, or none, and a rejection is the result. Plain changes go to the database in one
     * transaction, so a failing database cannot leave the action half done either; a sequence with
     * dry runs or client tokens is submitted one by one and undone when one is rejected. Accepted,
     * they are one undo step.
     */
    public synchronized Result submitAll(List<Submission> submissions, String description) {
        List<Accepted> done = new ArrayList<>();
        List<ConfigOperation> applied = new ArrayList<>();
        List<FlowChange> changes = new ArrayList<>();
        Outcome last = null;
        if (submissions.size() > 1 && submissions.stream().allMatch(Lab::plainChange)) {
            // One transaction: a rejection, or a database that fails half way, leaves nothing applied.
            List<Outcome> outcomes = coordinator.submitBatch(submissions);
            last = outcomes.get(outcomes.size() - 1);
            if (last instanceof Accepted) {
                for (Outcome outcome : outcomes) {
                    done.add((Accepted) outcome);
                    applied.addAll(realize((Accepted) outcome));
                }
            }
        } else {
            for (Submission submission : submissions) {
                last = coordinator.submit(submission);
                if (!(last instanceof Accepted accepted)) {
                    break;
                }
                done.add(accepted);
                applied.addAll(realize(accepted));
            }
        }
        if (last instanceof Outcome.Rejected && !done.isEmpty()) {
            for (int i = done.size() - 1; i >= 0; i--) {
                for (Request inverse : done.get(i).inverse()) {
                    Outcome undone = coordinator.submit(new Submission(inverse, done.get(i).submission().as(), false,
                            Optional.empty()));
                    if (undone instanceof Accepted a) {
                        applied.addAll(realize(a));
                    }
                }
            }
        }
        changes.addAll(retrace(applied));
        boolean changing = submissions.stream().noneMatch(s -> s.dryRun() || s.request() instanceof Request.Describe);
        if (last instanceof Accepted && changing && done.stream().noneMatch(Accepted::replayed)) {
            recordHistory(description, done);
        }
        Result result = new Result(Optional.ofNullable(last), applied, changes);
        publish(new LabEvent(LabEvent.Type.REQUEST, result.outcome(), applied, changes));
        return result;
    }

    /** A request a batch may carry: a change, not a dry run, a describe or a request with a client token. */
    private static boolean plainChange(Submission s) {
        return !s.dryRun() && s.clientToken().isEmpty() && !(s.request() instanceof Request.Describe);
    }

    private void recordHistory(String description, List<Accepted> done) {
        List<Submission> redo = new ArrayList<>();
        List<Submission> undo = new ArrayList<>();
        Topology after = snapshot();
        for (Accepted accepted : done) {
            Submission s = accepted.submission();
            redo.add(new Submission(IdPinning.pinned(s.request(), accepted.createdId(), after), s.as(), false,
                    Optional.empty()));
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            for (Request inverse : done.get(i).inverse()) {
                undo.add(new Submission(inverse, done.get(i).submission().as(), false, Optional.empty()));
            }
        }
        // Requests without an inverse (terminate, adding a platform) cannot be undone: no entry.
        if (!undo.isEmpty()) {
            history.record(new History.Entry(description, redo, undo));
        }
    }

    private List<ConfigOperation> realize(Accepted accepted) {
        for (AttachmentId cancelled : accepted.cancelled()) {
            propagation.dropAttaching(cancelled);
        }
        if (accepted.replayed() || accepted.operations().isEmpty()) {
            return List.of();
        }
        if (accepted.immediate()) {
            return propagation.submitImmediately(accepted.operations());
        }
        return propagation.submit(accepted.operations(), Set.copyOf(accepted.attaching()), Set.copyOf(accepted.detaching()));
    }

    /**
     * Applies requests as one transaction, all or none (a scenario's starting topology): their
     * operations reach the fabric at once whatever the mode, and the batch is not an undo step.
     *
     * @return the outcomes; the last one is a rejection when the batch was refused
     */
    public synchronized List<Outcome> submitBatch(List<Submission> submissions) {
        List<Outcome> outcomes = coordinator.submitBatch(submissions);
        List<ConfigOperation> applied = new ArrayList<>();
        if (outcomes.stream().allMatch(Outcome::isAccepted)) {
            List<ConfigOperation> ops = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                ops.addAll(((Accepted) outcome).operations());
            }
            applied.addAll(propagation.submitImmediately(ops));
        }
        List<FlowChange> changes = retrace(applied);
        publish(new LabEvent(LabEvent.Type.RESET, outcomes.isEmpty() ? Optional.empty()
                : Optional.of(outcomes.get(outcomes.size() - 1)), applied, changes));
        return outcomes;
    }

    /** Applies the next {@code n} queued configuration operations. */
    public synchronized Result propagate(int n) {
        List<ConfigOperation> applied = propagation.propagate(n);
        List<FlowChange> changes = retrace(applied);
        Result result = new Result(Optional.empty(), applied, changes);
        publish(new LabEvent(LabEvent.Type.PROPAGATED, Optional.empty(), applied, changes));
        return result;
    }

    /** Applies every queued configuration operation. */
    public synchronized Result drain() {
        return propagate(Integer.MAX_VALUE);
    }

    /** Switches between instant and stepwise propagation (switching to instant drains the queue). */
    public synchronized Result setMode(Mode mode) {
        List<ConfigOperation> applied = propagation.setMode(mode);
        List<FlowChange> changes = retrace(applied);
        publish(new LabEvent(LabEvent.Type.MODE, Optional.empty(), applied, changes));
        return new Result(Optional.empty(), applied, changes);
    }

    // ---- undo ------------------------------------------------------------------------------

    public synchronized boolean canUndo() {
        return history.peekUndo().isPresent();
    }

    public synchronized boolean canRedo() {
        return history.peekRedo().isPresent();
    }

    /** What the next undo would undo, e.g. {@code attach vif-web to vm-1}. */
    public synchronized Optional<String> undoDescription() {
        return history.peekUndo().map(History.Entry::description);
    }

    public synchronized Optional<String> redoDescription() {
        return history.peekRedo().map(History.Entry::description);
    }

    /** Undoes the last action; empty when there is nothing to undo. */
    public synchronized Optional<Result> undo() {
        Optional<History.Entry> entry = history.peekUndo();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Result result = replay(entry.get().undo());
        if (result.accepted()) {
            history.undone();
        }
        return Optional.of(result);
    }

    /** Redoes the last undone action; empty when there is nothing to redo. */
    public synchronized Optional<Result> redo() {
        Optional<History.Entry> entry = history.peekRedo();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Result result = replay(entry.get().done());
        if (result.accepted()) {
            history.redone();
        }
        return Optional.of(result);
    }

    private Result replay(List<Submission> submissions) {
        List<ConfigOperation> applied = new ArrayList<>();
        Outcome last = null;
        for (Submission submission : submissions) {
            last = coordinator.submit(submission);
            if (!(last instanceof Accepted accepted)) {
                break;
            }
            applied.addAll(realize(accepted));
        }
        List<FlowChange> changes = retrace(applied);
        Result result = new Result(Optional.ofNullable(last), applied, changes);
        publish(new LabEvent(LabEvent.Type.REQUEST, result.outcome(), applied, changes));
        return result;
    }

    // ---- flows -----------------------------------------------------------------------------

    /**
     * Traces one flow through the fabric as it is now, and counts it into the monitoring counters.
     *
     * @throws IllegalArgumentException if the flow names an object the lab does not have
     */
    public synchronized Trace trace(Flow flow) {
        Trace trace = FlowTracer.trace(propagation.fabric(), FlowResolver.resolve(snapshot(), flow));
        counters.count(trace);
        return trace;
    }

    /** Pins a flow to watch; it is re-traced after every change. Returns its trace now. */
    public synchronized Trace watch(String name, Flow flow) {
        Trace trace = watched.watch(name, flow, propagation.fabric(), snapshot());
        publish(new LabEvent(LabEvent.Type.WATCH, Optional.empty(), List.of(), List.of()));
        return trace;
    }

    public synchronized boolean unwatch(String name) {
        boolean removed = watched.unwatch(name);
        if (removed) {
            publish(new LabEvent(LabEvent.Type.WATCH, Optional.empty(), List.of(), List.of()));
        }
        return removed;
    }

    /** The watched flows' current traces, by name, in the order they were pinned. */
    public synchronized Map<String, Trace> watched() {
        return Collections.unmodifiableMap(watched.traces());
    }

    private List<FlowChange> retrace(List<ConfigOperation> applied) {
        if (watched.size() == 0) {
            return List.of();
        }
        // Resolution reads the desired state: a request may change where a named flow points even
        // when it initiates no configuration operation, so an empty batch is re-resolved too.
        return watched.retraceAfter(propagation.fabric(), snapshot(), applied);
    }

    // ---- listeners -------------------------------------------------------------------------

    /** Hears every event; returns a handle that removes the listener. */
    public Runnable addListener(Consumer<LabEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(LabEvent event) {
        for (Consumer<LabEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /** The journal of accepted requests, oldest first. */
    public List<org.viflab.coordinator.JournalEntry> journal() {
        return repository.journal();
    }

    @Override
    public void close() {
        repository.close();
    }

    /** What a change did: the answer (for a request), the operations applied now, the flows that changed. */
    public record Result(Optional<Outcome> outcome, List<ConfigOperation> applied, List<FlowChange> changes) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            applied = List.copyOf(applied);
            changes = List.copyOf(changes);
        }

        public boolean accepted() {
            return outcome.map(Outcome::isAccepted).orElse(true);
        }

        /** Names of the watched flows that changed. */
        public Set<String> changedFlows() {
            Set<String> names = new HashSet<>();
            changes.forEach(c -> names.add(c.name()));
            return names;
        }
    }
}
