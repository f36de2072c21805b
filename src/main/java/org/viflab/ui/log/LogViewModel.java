package org.viflab.ui.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.coordinator.Outcome;
import org.viflab.lab.Lab;
import org.viflab.model.ConfigOperation;
import org.viflab.ui.LabSession;
import org.viflab.ui.SessionEvent;
import org.viflab.ui.Texts;

/**
 * The log: every request sent from the GUI (by hand or by a scenario step), undo and redo, with the
 * acting principal, the coordinator's answer and the configuration operations it initiated. Queued
 * operations are marked applied as the fabric applies them (stepwise propagation).
 */
public final class LogViewModel {

    private static final int KEEP = 2000;

    private final Texts texts;
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    /** Operations still queued, oldest first: the fabric applies them in this order. */
    private final Deque<OpRow> queued = new ArrayDeque<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper appliedCount =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "appliedCount");
    private int seq;

    public LogViewModel(LabSession session, Texts texts) {
        this.texts = texts;
        session.addListener(this::heard);
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    /** Counts queued operations marked applied (views redraw when it moves). */
    public javafx.beans.property.ReadOnlyIntegerProperty appliedCountProperty() {
        return appliedCount.getReadOnlyProperty();
    }

    private void heard(SessionEvent event) {
        switch (event.type()) {
            case OPENED -> {
                entries.clear();
                queued.clear();
                seq = 0;
            }
            case ACTION, UNDO, REDO -> event.result().ifPresent(r -> add(event, r));
            case PROPAGATED, MODE -> event.result().ifPresent(r -> applied(r.applied()));
            default -> {
            }
        }
    }

    private void add(SessionEvent event, Lab.Result result) {
        if (event.submissions().stream().anyMatch(s -> s.dryRun())) {
            return;
        }
        Optional<Outcome> outcome = result.outcome();
        boolean accepted = outcome.map(Outcome::isAccepted).orElse(true);
        String code = outcome.filter(Outcome.Rejected.class::isInstance).map(o -> ((Outcome.Rejected) o).code().code())
                .orElse("ok");
        String message = outcome.filter(Outcome.Rejected.class::isInstance).map(o -> ((Outcome.Rejected) o).message(texts.locale()))
                .orElse("");
        String description = switch (event.type()) {
            case UNDO -> texts.get("log.undo", event.description());
            case REDO -> texts.get("log.redo", event.description());
            default -> event.description();
        };
        List<OpRow> ops = new ArrayList<>();
        for (ConfigOperation op : result.applied()) {
            ops.add(new OpRow(op, true));
        }
        for (ConfigOperation op : event.queued()) {
            OpRow row = new OpRow(op, false);
            ops.add(row);
            queued.addLast(row);
        }
        entries.add(new LogEntry(++seq, description, event.principal().value(), code, accepted, message, ops));
        if (entries.size() > KEEP) {
            entries.remove(0, entries.size() - KEEP);
        }
    }

    private void applied(List<ConfigOperation> ops) {
        for (ConfigOperation op : ops) {
            for (OpRow row : queued) {
                if (row.op().equals(op)) {
                    row.appliedProperty().set(true);
                    queued.remove(row);
                    appliedCount.set(appliedCount.get() + 1);
                    break;
                }
            }
        }
    }
}
