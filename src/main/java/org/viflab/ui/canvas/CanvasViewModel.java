package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.flow.Hop;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.ResourceInstance;
import org.viflab.ui.LabSession;
import org.viflab.ui.Texts;

/**
 * The canvas's state: the layout of the current snapshot (recomputed after every change, keeping
 * the previous order), the selection, the flow paths to draw, and what a drag would do.
 *
 * <p>Drag and drop follows Scene Builder's shape: {@link #targetKinds} says what a source may be
 * dropped on, {@link #plan} makes the drop's job (requests), {@link #evaluate} asks the
 * coordinator for a dry run while the user hovers, and {@link #drop} sends the job as one action.
 */
public final class CanvasViewModel {

    private final LabSession session;
    private final Texts texts;
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout", Layout.empty());
    private final ObjectProperty<CanvasKey> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FlowPath> paths = FXCollections.observableArrayList();
    private final StringProperty emphasisedFlow = new SimpleStringProperty(this, "emphasisedFlow");
    private final ObjectProperty<Trace> tracedFlow = new SimpleObjectProperty<>(this, "tracedFlow");
    private final ObjectProperty<CanvasKey> packet = new SimpleObjectProperty<>(this, "packet");
    private final Map<CanvasKey, DropAnswer> answers = new HashMap<>();
    private CanvasKey answersFor;
    private Layout prepared;
    private org.viflab.model.Topology preparedFor;

    public CanvasViewModel(LabSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        session.revisionProperty().addListener((obs, old, now) -> relayout());
        emphasisedFlow.addListener((obs, old, now) -> refreshPaths());
        tracedFlow.addListener((obs, old, now) -> refreshPaths());
        relayout();
    }

    // ---- state ------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public Layout layout() {
        return layout.get();
    }

    /** The selected node (shown by the inspector). */
    public ObjectProperty<CanvasKey> selectedProperty() {
        return selected;
    }

    /** Flow paths to draw: every watched flow, the emphasised one last, and the traced flow if any. */
    public ObservableList<FlowPath> paths() {
        return paths;
    }

    /** The watched flow whose path is drawn thick (selected in the watched-flows table). */
    public StringProperty emphasisedFlowProperty() {
        return emphasisedFlow;
    }

    /** A flow traced from the Trace tab, drawn besides the watched ones. */
    public ObjectProperty<Trace> tracedFlowProperty() {
        return tracedFlow;
    }

    /** Where the animated packet is (a node of the traced flow's path), if it is shown. */
    public ObjectProperty<CanvasKey> packetProperty() {
        return packet;
    }

    /**
     * Hands over a layout computed off the FX thread for the snapshot a lab is about to be opened
     * with: the next {@link #relayout()} uses it if the snapshot is still that one.
     */
    public void prepared(org.viflab.model.Topology topology, Layout computed) {
        preparedFor = topology;
        prepared = computed;
    }

    /** Recomputes the layout from the session's snapshot. */
    public void relayout() {
        if (session.lab().isEmpty()) {
            layout.set(Layout.empty());
        } else if (prepared != null && preparedFor == session.topology()) {
            layout.set(prepared);
        } else {
            layout.set(TopologyLayout.compute(session.topology(), session.fieldView(), layout.get()));
        }
        prepared = null;
        preparedFor = null;
        CanvasKey sel = selected.get();
        if (sel != null && layout.get().item(sel).isEmpty()) {
            selected.set(null);
        }
        answers.clear();
        answersFor = null;
        refreshPaths();
    }

    private void refreshPaths() {
        List<FlowPath> now = new ArrayList<>();
        int colour = 0;
        FlowPath emphasised = null;
        for (Map.Entry<String, Trace> watched : session.watched().entrySet()) {
            boolean chosen = watched.getKey().equals(emphasisedFlow.get());
            FlowPath path = new FlowPath(watched.getKey(), colour++, keysOf(watched.getValue()), chosen,
                    watched.getValue().disposition().isSuccessful());
            if (chosen) {
                emphasised = path;
            } else {
                now.add(path);
            }
        }
        if (emphasised != null) {
            now.add(emphasised);
        }
        Trace traced = tracedFlow.get();
        if (traced != null) {
            now.add(new FlowPath("trace", -1, keysOf(traced), true, traced.disposition().isSuccessful()));
        }
        paths.setAll(now);
    }

    /** The canvas nodes a trace's hops pass, in order, without repeats in a row. */
    public List<CanvasKey> keysOf(Trace trace) {
        List<CanvasKey> keys = new ArrayList<>();
        for (int i = 0; i < trace.hops().size(); i++) {
            keyOf(trace, i).ifPresent(key -> {
                if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key)) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    /**
     * The canvas node where hop {@code index} of a trace happens, if the canvas draws one. The
     * delivering hop is placed on the interface chip the packet was addressed to.
     */
    public Optional<CanvasKey> keyOf(Trace trace, int index) {
        Hop hop = trace.hops().get(index);
        String deliveredTo = trace.deliveredTo().map(InstanceId::value).orElse(null);
        if (hop.action() == Hop.Action.DELIVERED && trace.deliveredInterface().isPresent()) {
            Optional<CanvasKey> chip = layout.get().chipOf(trace.deliveredInterface().get().value(), deliveredTo);
            if (chip.isPresent()) {
                return chip;
            }
        }
        return keyOf(hop, deliveredTo);
    }

    /** The canvas node a hop happens at, if the canvas shows one. */
    public Optional<CanvasKey> keyOf(Hop hop, String deliveredTo) {
        Layout l = layout.get();
        String id = hop.componentId();
        Optional<CanvasKey> key = switch (hop.componentKind()) {
            case INSTANCE -> Optional.of(CanvasKey.of(CanvasKey.Kind.INSTANCE, id));
            case INTERFACE -> l.chipOf(id, deliveredTo);
            case NIC -> Optional.of(CanvasKey.of(CanvasKey.Kind.NIC, id));
            case ROUTER -> Optional.of(CanvasKey.of(CanvasKey.Kind.SUBNET, id));
            case NAT, INTERNET_GATEWAY -> gatewayOr(l, "igw:" + id, id);
            case VPN_GATEWAY -> gatewayOr(l, "vgw:" + id, id);
            // The mapping table is a lookup, not a place the packet passes: nothing to draw.
            case MAPPING -> Optional.<CanvasKey>empty();
            case INTERNET -> Optional.of(CanvasKey.of(CanvasKey.Kind.INTERNET, "internet"));
            case ON_PREMISES -> Optional.of(CanvasKey.of(CanvasKey.Kind.ON_PREMISES,
                    id.startsWith("vpn:") ? id.substring(4) : id));
            case SECURITY_GROUP -> Optional.empty();
        };
        return key.filter(k -> l.item(k).isPresent());
    }

    private static Optional<CanvasKey> gatewayOr(Layout l, String gateway, String partition) {
        CanvasKey key = CanvasKey.of(CanvasKey.Kind.GATEWAY, gateway);
        return Optional.of(l.item(key).isPresent() ? key : CanvasKey.of(CanvasKey.Kind.PARTITION, partition));
    }

    // ---- drag and drop ----------------------------------------------------------------------

    /** Whether a node can be picked up: interface chips and instances. */
    public boolean canDrag(CanvasKey key) {
        return key != null && (key.kind() == CanvasKey.Kind.INTERFACE || key.kind() == CanvasKey.Kind.INSTANCE);
    }

    /** The kinds of node a dragged node may be dropped on. */
    public Predicate<CanvasKey.Kind> targetKinds(CanvasKey source) {
        return switch (source.kind()) {
            case INTERFACE -> k -> k == CanvasKey.Kind.INSTANCE || k == CanvasKey.Kind.SUBNET;
            case INSTANCE -> k -> k == CanvasKey.Kind.PLATFORM;
            default -> k -> false;
        };
    }

    /** What dropping {@code source} on {@code target} would do; empty when it would do nothing. */
    public Optional<DropPlan> plan(CanvasKey source, CanvasKey target) {
        Layout l = layout.get();
        Optional<Item> from = l.item(source);
        Optional<Item> to = l.item(target);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().model() instanceof Item.Chip chip) {
            InterfaceId iface = chip.record().id();
            if (to.get().model() instanceof ResourceInstance instance) {
                Request.Attach attach = Request.Attach.attach(iface, instance.id());
                if (chip.attachment().isEmpty()) {
                    return Optional.of(new DropPlan(attach.describe(), List.of(attach)));
                }
                if (chip.attachment().get().instance().equals(instance.id())) {
                    return Optional.empty();
                }
                Request.Detach detach = Request.Detach.attachment(chip.attachment().get().id());
                return Optional.of(new DropPlan(texts.get("drop.moveInterface", iface, chip.attachment().get().instance(),
                        instance.id()), List.of(detach, attach)));
            }
            if (to.get().model() instanceof org.viflab.model.Subnet subnet && chip.attachment().isPresent()
                    && subnet.id().equals(chip.record().subnet())) {
                Request.Detach detach = Request.Detach.attachment(chip.attachment().get().id());
                return Optional.of(new DropPlan(texts.get("drop.detach", iface, chip.attachment().get().instance()),
                        List.of(detach)));
            }
            return Optional.empty();
        }
        if (from.get().model() instanceof ResourceInstance instance
                && to.get().model() instanceof org.viflab.model.ServicePlatform platform) {
            if (instance.platform().filter(platform.id()::equals).isPresent()) {
                return Optional.empty();
            }
            Request request = instance.platform().isPresent()
                    ? new Request.Move(instance.id(), Optional.of(platform.id()))
                    : new Request.Place(instance.id(), Optional.of(platform.id()));
            return Optional.of(new DropPlan(request.describe(), List.of(request)));
        }
        return Optional.empty();
    }

    /**
     * The coordinator's dry-run answer for dropping {@code source} on {@code target}, asked once per
     * target during a drag; empty when the drop would do nothing.
     */
    public Optional<DropAnswer> evaluate(CanvasKey source, CanvasKey target) {
        if (!source.equals(answersFor)) {
            answers.clear();
            answersFor = source;
        }
        if (answers.containsKey(target)) {
            return Optional.of(answers.get(target));
        }
        Optional<DropPlan> plan = plan(source, target);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        DropAnswer answer = dryRun(plan.get());
        answers.put(target, answer);
        return Optional.of(answer);
    }

    private DropAnswer dryRun(DropPlan plan) {
        Outcome outcome;
        if (plan.requests().size() == 1) {
            outcome = session.dryRun(plan.requests().get(0));
        } else {
            List<org.viflab.coordinator.Submission> submissions = plan.requests().stream()
                    .map(r -> org.viflab.coordinator.Submission.as(session.principalProperty().get(), r)).toList();
            outcome = SequenceDryRun.check(session.topology(), session.pending(), submissions);
        }
        if (LabSession.wouldAccept(outcome)) {
            return DropAnswer.accept(plan.description());
        }
        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        return DropAnswer.reject(plan.description(), rejected.code(), rejected.message(texts.locale()));
    }

    /** Sends the drop's requests as one action; empty when the drop does nothing. */
    public Optional<Lab.Result> drop(CanvasKey source, CanvasKey target) {
        Optional<DropPlan> plan = plan(source, target);
        answers.clear();
        answersFor = null;
        return plan.map(p -> session.submitAll(p.description(), p.requests()));
    }

    /** Forgets the answers of the last drag. */
    public void endDrag() {
        answers.clear();
        answersFor = null;
    }

    // ---- other gestures ---------------------------------------------------------------------

    /** A click on a physical NIC sets it down when up, up when down. */
    public Optional<Lab.Result> toggleNic(CanvasKey nic) {
        return layout.get().item(nic).filter(i -> i.model() instanceof PhysicalNic)
                .map(i -> (PhysicalNic) i.model())
                .map(n -> session.submit(new Request.SetNic(NicId.nicId(n.id().value()), !n.up())));
    }

    /** The object kind and id the inspector shows for a canvas node. */
    public static Optional<Map.Entry<Request.Kind, String>> inspected(CanvasKey key, Layout layout) {
        if (key == null) {
            return Optional.empty();
        }
        return switch (key.kind()) {
            case INTERFACE -> Optional.of(Map.entry(Request.Kind.INTERFACES, key.objectId()));
            case INSTANCE -> Optional.of(Map.entry(Request.Kind.INSTANCES, key.id()));
            case SUBNET -> Optional.of(Map.entry(Request.Kind.SUBNETS, key.id()));
            case PARTITION, ON_PREMISES -> Optional.of(Map.entry(Request.Kind.PARTITIONS, key.id()));
            case GATEWAY -> Optional.of(Map.entry(Request.Kind.PARTITIONS, key.id().substring(4)));
            case PLATFORM -> Optional.of(Map.entry(Request.Kind.PLATFORMS, key.id()));
            case NIC -> layout.item(key).flatMap(Item::containerKey)
                    .map(p -> Map.entry(Request.Kind.PLATFORMS, p.id()));
            default -> Optional.empty();
        };
    }
}
