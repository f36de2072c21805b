package org.viflab.ui.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
import org.viflab.flow.FlowException;
import org.viflab.flow.Trace;
import org.viflab.model.Partition;
import org.viflab.model.Topology;
import org.viflab.net.Protocol;
import org.viflab.ui.LabSession;
import org.viflab.ui.SaidText;
import org.viflab.ui.Texts;
import org.viflab.ui.canvas.CanvasViewModel;

/**
 * The "Trace…" flow editor and the packet animation: the flow's ends, protocol and port, its
 * trace, and which hop the animated packet is at. Playing advances one hop per tick; the view
 * owns the clock, this model owns the position.
 */
public final class TraceViewModel {

    private final LabSession session;
    private final Texts texts;
    private final CanvasViewModel canvas;
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.TCP);
    private final StringProperty port = new SimpleStringProperty(this, "port", "80");
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ObservableList<HopRow> hops = FXCollections.observableArrayList();
    private final SaidText error;
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final IntegerProperty current = new SimpleIntegerProperty(this, "current", -1);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.5);
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();

    public TraceViewModel(LabSession session, Texts texts, CanvasViewModel canvas) {
        this.session = session;
        this.texts = texts;
        this.canvas = canvas;
        this.error = new SaidText(this, "error", texts);
        current.addListener((obs, old, now) -> movePacket());
        session.revisionProperty().addListener((obs, old, now) -> reloadEndpoints());
        reloadEndpoints();
        texts.localeProperty().addListener((obs, old, now) -> {
            Trace shown = trace.get();
            if (shown != null) {
                hops.setAll(rows(shown, texts));
                explanation.set(explain(shown, texts));
            }
        });
    }

    /** A trace's hops as the hop list shows them, in the UI's language. */
    static List<HopRow> rows(Trace t, Texts texts) {
        return t.hops().stream().map(hop -> HopRow.of(hop, texts)).toList();
    }

    /** A trace's explanation as the UI shows it: {@code CODE (deciding object): sentence}, in the UI's language. */
    static String explain(Trace t, Texts texts) {
        return t.explanation().code() + " (" + t.explanation().decidingObject() + "): "
                + t.explanation().sentence(texts.locale());
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ObservableList<HopRow> hops() {
        return hops;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.property();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Index of the hop the packet is at (-1: not started). */
    public IntegerProperty currentProperty() {
        return current;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Hops per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Suggestions for the flow's ends: instances, interface records, the internet, on-premises networks. */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    private void reloadEndpoints() {
        Topology t = session.topology();
        List<String> all = new ArrayList<>();
        all.add("internet");
        t.partitions().values().stream().filter(Partition::hasVpn).forEach(p -> all.add("vpn:" + p.id()));
        t.instances().keySet().stream().limit(500).forEach(i -> all.add(i.value()));
        t.interfaces().keySet().stream().limit(500).forEach(i -> all.add(i.value()));
        endpoints.setAll(all);
    }

    /** The flow in the editor, or empty with {@link #errorProperty()} saying what is wrong, in the UI's language. */
    public Optional<Flow> flow() {
        try {
            int p = protocol.get() == Protocol.ICMP ? 0 : Integer.parseInt(port.get().trim());
            Flow flow = new Flow(Endpoint.parse(from.get()), Endpoint.parse(to.get()), protocol.get(), p,
                    OptionalInt.empty());
            say(t -> "");
            return Optional.of(flow);
        } catch (NumberFormatException e) {
            String typed = port.get();
            say(t -> t.get("trace.error.port", typed));
        } catch (FlowException e) {
            say(e);
        }
        return Optional.empty();
    }

    /** Traces the flow in the editor and puts the packet at its first hop. */
    public Optional<Trace> trace() {
        Optional<Flow> flow = flow();
        if (flow.isEmpty()) {
            return Optional.empty();
        }
        try {
            Trace t = session.trace(flow.get());
            show(t);
            return Optional.of(t);
        } catch (FlowException e) {
            say(e);
            return Optional.empty();
        }
    }

    /**
     * Watches the flow in the editor under {@code name}. Returns whether it is watched; when not,
     * {@link #errorProperty()} says why (no name, or an object the lab does not have).
     */
    public boolean watch(WatchedFlowsViewModel watched, String name) {
        Optional<Flow> flow = flow();
        if (flow.isEmpty()) {
            return false;
        }
        Optional<Function<Texts, String>> refusal = watched.refusal(name, flow.get());
        refusal.ifPresent(this::say);
        return refusal.isEmpty();
    }

    private void say(FlowException e) {
        say(t -> e.sentence().in(t.locale()));
    }

    private void say(Function<Texts, String> words) {
        error.say(words);
    }

    /** Shows a trace (one of the watched flows' or the editor's) ready to animate. */
    public void show(Trace t) {
        playing.set(false);
        trace.set(t);
        hops.setAll(rows(t, texts));
        explanation.set(explain(t, texts));
        canvas.tracedFlowProperty().set(t);
        current.set(-1);
        current.set(0);
    }

    /** Moves the packet one hop on; stops playing after the last. Returns whether it moved. */
    public boolean step() {
        Trace t = trace.get();
        if (t == null) {
            return false;
        }
        if (current.get() >= t.hops().size() - 1) {
            playing.set(false);
            return false;
        }
        current.set(current.get() + 1);
        if (current.get() >= t.hops().size() - 1) {
            playing.set(false);
        }
        return true;
    }

    /** Plays from the start (or from where it paused). */
    public void play() {
        Trace t = trace.get();
        if (t == null) {
            return;
        }
        if (current.get() >= t.hops().size() - 1) {
            current.set(0);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    /** Takes the traced flow and the packet off the canvas. */
    public void clear() {
        playing.set(false);
        trace.set(null);
        hops.clear();
        explanation.set("");
        canvas.tracedFlowProperty().set(null);
        canvas.packetProperty().set(null);
        current.set(-1);
    }

    private void movePacket() {
        Trace t = trace.get();
        int i = current.get();
        if (t == null || i < 0 || i >= t.hops().size()) {
            canvas.packetProperty().set(null);
            return;
        }
        // A hop at a component the canvas does not draw (a security group) leaves the packet where it is.
        for (int k = i; k >= 0; k--) {
            Optional<org.viflab.ui.canvas.CanvasKey> key = canvas.keyOf(t, k);
            if (key.isPresent()) {
                canvas.packetProperty().set(key.get());
                return;
            }
        }
    }
}
