package org.viflab.ui.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InvalidIdException;
import org.viflab.model.ResourceInstance;
import org.viflab.model.SecurityGroupId;
import org.viflab.ui.LabSession;
import org.viflab.ui.SaidText;
import org.viflab.ui.Texts;

/**
 * The inspector's state: every field of the selected object (from the lab's shared field
 * vocabulary), which of them may be edited, and the error of the last edit, shown beside the field.
 * Edits are coordinator requests ({@code ModifyInterface}); the coordinator decides what is allowed.
 */
public final class InspectorViewModel {

    /** Interface fields the inspector edits through {@code ModifyInterface}. */
    static final Map<String, FieldRow.Edit> INTERFACE_EDITS = Map.of(
            "description", FieldRow.Edit.TEXT,
            "securityGroups", FieldRow.Edit.LIST,
            "sourceDestCheck", FieldRow.Edit.BOOLEAN,
            "multiAttach", FieldRow.Edit.BOOLEAN);

    private final LabSession session;
    private final Texts texts;
    private final ObjectProperty<Map.Entry<Request.Kind, String>> subject = new SimpleObjectProperty<>(this, "subject");
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final ObservableList<InspectorAction> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final SaidText error;
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper(this, "errorField", "");

    public InspectorViewModel(LabSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        this.error = new SaidText(this, "error", texts);
        subject.addListener((obs, old, now) -> {
            clearError();
            refresh();
        });
        session.revisionProperty().addListener((obs, old, now) -> refresh());
    }

    /** The inspected object: its kind and id ({@code null}: nothing selected). */
    public ObjectProperty<Map.Entry<Request.Kind, String>> subjectProperty() {
        return subject;
    }

    public ObservableList<FieldRow> rows() {
        return rows;
    }

    public ObservableList<InspectorAction> actions() {
        return actions;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last edit's error, {@code Code: sentence}, empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.property();
    }

    /** The field the error belongs to (empty: the object as a whole). */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    /** Reads the subject's fields again. */
    public void refresh() {
        Map.Entry<Request.Kind, String> s = subject.get();
        if (s == null) {
            rows.clear();
            actions.clear();
            title.set(texts.get("inspector.nothing"));
            return;
        }
        Optional<Map<String, Object>> fields = session.fields(s.getKey(), s.getValue());
        if (fields.isEmpty()) {
            rows.clear();
            actions.clear();
            title.set(texts.get("inspector.gone", s.getValue()));
            return;
        }
        title.set(texts.get("kind." + s.getKey()) + " " + s.getValue());
        List<FieldRow> now = new ArrayList<>();
        for (Map.Entry<String, Object> field : fields.get().entrySet()) {
            FieldRow.Edit edit = s.getKey() == Request.Kind.INTERFACES
                    ? INTERFACE_EDITS.getOrDefault(field.getKey(), FieldRow.Edit.NONE) : FieldRow.Edit.NONE;
            now.add(new FieldRow(field.getKey(), format(field.getValue()), edit));
        }
        rows.setAll(now);
        actions.setAll(actionsFor(s.getKey(), s.getValue()));
    }

    private List<InspectorAction> actionsFor(Request.Kind kind, String id) {
        List<InspectorAction> out = new ArrayList<>();
        if (kind == Request.Kind.INSTANCES) {
            ResourceInstance instance = session.topology().instances().get(InstanceId.instanceId(id));
            if (instance != null) {
                InstanceId iid = instance.id();
                if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.TERMINATED) {
                    out.add(new InspectorAction("action.start", new Request.Start(iid)));
                }
                if (instance.state() == InstanceState.RUNNING) {
                    out.add(new InspectorAction("action.stop", new Request.Stop(iid)));
                }
                if (instance.platform().isEmpty() && instance.state() != InstanceState.TERMINATED) {
                    out.add(new InspectorAction("action.place", new Request.Place(iid, Optional.empty())));
                }
                if (instance.state() != InstanceState.TERMINATED) {
                    out.add(new InspectorAction("action.terminate", new Request.Terminate(iid)));
                }
            }
        } else if (kind == Request.Kind.INTERFACES) {
            InterfaceId iface = InterfaceId.interfaceId(id);
            if (!session.topology().attachmentsOf(iface).isEmpty()) {
                out.add(new InspectorAction("action.detach", Request.Detach.interfaceOf(iface)));
            } else {
                out.add(new InspectorAction("action.delete", new Request.DeleteInterface(iface)));
            }
        }
        return out;
    }

    /** A field value as one line of text (lists joined by commas, rows of a table by new lines). */
    static String format(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "—";
            }
            boolean table = list.stream().anyMatch(Map.class::isInstance);
            return list.stream().map(InspectorViewModel::format).collect(Collectors.joining(table ? "\n" : ", "));
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "—";
            }
            // Keys in a stable order: some maps (monitoring counters) come unordered.
            Map<String, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            return sorted.entrySet().stream().map(e -> e.getKey() + ": " + format(e.getValue()))
                    .collect(Collectors.joining(" · "));
        }
        return value.toString();
    }

    // ---- editing ----------------------------------------------------------------------------

    /**
     * Changes one field of the inspected interface record to {@code text} (for a list, ids separated
     * by commas; for a switch, {@code true}/{@code false}). Returns whether the coordinator accepted it;
     * when not, {@link #errorProperty()} says why and names the field.
     */
    public boolean edit(String field, String text) {
        Map.Entry<Request.Kind, String> s = subject.get();
        if (s == null || s.getKey() != Request.Kind.INTERFACES || !INTERFACE_EDITS.containsKey(field)) {
            return false;
        }
        InterfaceId iface = InterfaceId.interfaceId(s.getValue());
        Request.ModifyInterface modify;
        try {
            modify = switch (field) {
                case "description" -> new Request.ModifyInterface(iface, Optional.of(text), Optional.empty(),
                        Optional.empty(), Optional.empty());
                case "securityGroups" -> new Request.ModifyInterface(iface, Optional.empty(),
                        Optional.of(groups(text)), Optional.empty(), Optional.empty());
                case "sourceDestCheck" -> new Request.ModifyInterface(iface, Optional.empty(), Optional.empty(),
                        Optional.of(Boolean.parseBoolean(text.trim())), Optional.empty());
                case "multiAttach" -> new Request.ModifyInterface(iface, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(Boolean.parseBoolean(text.trim())));
                default -> throw new IllegalStateException(field);
            };
        } catch (InvalidIdException e) {
            say(field, t -> e.sentence().in(t.locale()));
            return false;
        }
        return answer(field, session.submit(modify));
    }

    /** Sends an action's request (start, stop, detach…). */
    public boolean run(InspectorAction action) {
        return answer("", session.submit(action.request()));
    }

    private boolean answer(String field, Lab.Result result) {
        Optional<Outcome> outcome = result.outcome();
        if (outcome.isPresent() && outcome.get() instanceof Outcome.Rejected rejected) {
            say(field, t -> rejected.code().code() + ": " + rejected.message(t.locale()));
            return false;
        }
        clearError();
        return true;
    }

    private static List<SecurityGroupId> groups(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(SecurityGroupId::securityGroupId).toList();
    }

    /** Shows an error under {@code field} in the window's language, and again in another when it changes. */
    private void say(String field, java.util.function.Function<Texts, String> words) {
        error.say(words);
        errorField.set(field);
    }

    private void clearError() {
        error.clear();
        errorField.set("");
    }
}
