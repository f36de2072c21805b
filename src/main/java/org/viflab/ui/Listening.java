package org.viflab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The listeners views put on view models that outlive them, taken off together when the views are
 * dropped. Switching the language builds the window's views again: the old ones must stop
 * listening, or they go on reacting to every change (and stay in memory) as long as the view
 * models live.
 */
public final class Listening {

    private final List<Runnable> removals = new ArrayList<>();

    /** Listens to {@code value} until {@link #stop()}. */
    public <T> void on(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
    }

    /** Listens to {@code list} until {@link #stop()}. */
    public <T> void on(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    /** Runs {@code action} at {@link #stop()} (a clock to stop, say). */
    public void onStop(Runnable action) {
        removals.add(action);
    }

    /** Takes every listener off. */
    public void stop() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
