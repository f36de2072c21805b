package org.viflab.ui.log;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.viflab.model.ConfigOperation;

/** A configuration operation in the log; {@link #appliedProperty()} turns true when the fabric applies it. */
public final class OpRow {

    private final ConfigOperation op;
    private final BooleanProperty applied;

    public OpRow(ConfigOperation op, boolean applied) {
        this.op = Objects.requireNonNull(op, "op");
        this.applied = new SimpleBooleanProperty(this, "applied", applied);
    }

    public ConfigOperation op() {
        return op;
    }

    public String text() {
        return op.text();
    }

    public BooleanProperty appliedProperty() {
        return applied;
    }

    public boolean applied() {
        return applied.get();
    }
}
