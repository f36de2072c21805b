package org.viflab.ui.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.flow.Disposition;
import org.viflab.flow.Flow;
import org.viflab.flow.FlowChange;
import org.viflab.flow.FlowException;
import org.viflab.flow.Trace;
import org.viflab.model.InstanceId;
import org.viflab.ui.LabSession;
import org.viflab.ui.SessionEvent;
import org.viflab.ui.Texts;

/**
 * "Where traffic lands": the watched flows with their disposition and landing instances, the rows
 * the last operation changed (with before → after), and the hop list of the selected flow.
 */
public final class WatchedFlowsViewModel {

    private final LabSession session;
    private final Texts texts;
    private final ObservableList<FlowRow> rows = FXCollections.observableArrayList();
    private final ObservableList<HopRow> hops = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper(this, "lastChange", "");
    private Map<String, FlowChange> changed = Map.of();

    public WatchedFlowsViewModel(LabSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        session.addListener(this::heard);
        selected.addListener((obs, old, now) -> showHops());
        texts.localeProperty().addListener((obs, old, now) -> showHops());
        rebuild();
    }

    public ObservableList<FlowRow> rows() {
        return rows;
    }

    /** The hops of the selected flow's trace. */
    public ObservableList<HopRow> hops() {
        return hops;
    }

    /** The name of the selected watched flow ({@code null}: none). */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The selected flow's explanation: code, deciding object and the plain sentence. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The flows the last operation changed, one {@code before → after} per line. */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    private void heard(SessionEvent event) {
        switch (event.type()) {
            case OPENED, WATCH -> changed = Map.of();
            default -> {
                Map<String, FlowChange> now = new HashMap<>();
                event.result().ifPresent(r -> r.changes().forEach(c -> now.put(c.name(), c)));
                changed = now;
            }
        }
        rebuild();
    }

    private void rebuild() {
        Map<String, Trace> watched = session.watched();
        List<FlowRow> now = new ArrayList<>();
        for (Map.Entry<String, Trace> entry : watched.entrySet()) {
            Trace trace = entry.getValue();
            FlowChange change = changed.get(entry.getKey());
            now.add(new FlowRow(entry.getKey(), trace.flow().toString(), trace.disposition().name(),
                    trace.disposition().isSuccessful(), landing(trace.landing()), change != null,
                    change == null ? "" : landing(change.landingBefore()) + " " + change.dispositionBefore() + " → "
                            + landing(change.landingAfter()) + " " + change.dispositionAfter()));
        }
        rows.setAll(now);
        lastChange.set(now.stream().filter(FlowRow::changed).map(r -> r.name() + ": " + r.change())
                .collect(Collectors.joining("\n")));
        if (selected.get() != null && !watched.containsKey(selected.get())) {
            selected.set(null);
        }
        showHops();
    }

    private static String landing(Set<InstanceId> landing) {
        return landing.isEmpty() ? "—" : landing.stream().map(InstanceId::value).sorted().collect(Collectors.joining(", "));
    }

    private void showHops() {
        Trace trace = selected.get() == null ? null : session.watched().get(selected.get());
        if (trace == null) {
            hops.clear();
            explanation.set("");
            return;
        }
        hops.setAll(TraceViewModel.rows(trace, texts));
        explanation.set(TraceViewModel.explain(trace, texts));
    }

    /** The trace of the selected flow, if one is selected. */
    public Optional<Trace> selectedTrace() {
        return Optional.ofNullable(selected.get()).map(n -> session.watched().get(n));
    }

    /**
     * Pins a flow to watch. Returns an error sentence in the UI's language when the flow has no name
     * or names something the lab does not have, else empty.
     */
    public Optional<String> watch(String name, Flow flow) {
        return refusal(name, flow).map(words -> words.apply(texts));
    }

    /**
     * Pins a flow to watch, or says why not in words that can be said again in another language
     * (the trace editor keeps them on show across a language switch).
     */
    Optional<Function<Texts, String>> refusal(String name, Flow flow) {
        if (name == null || name.isBlank()) {
            return Optional.of(t -> t.get("flows.error.name"));
        }
        try {
            session.watch(name.trim(), flow);
            return Optional.empty();
        } catch (FlowException e) {
            return Optional.of(t -> e.sentence().in(t.locale()));
        }
    }

    public void unwatch(String name) {
        session.unwatch(name);
    }

    /** How many watched flows are delivered or exited. */
    public long successful() {
        return session.watched().values().stream().map(Trace::disposition).filter(Disposition::isSuccessful).count();
    }
}
