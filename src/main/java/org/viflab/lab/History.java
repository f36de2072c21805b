package org.viflab.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Submission;

/**
 * Undo and redo: each entry is what one user action did (one or more accepted submissions, with
 * generated ids pinned so a redo recreates the same objects) and the submissions that undo it.
 */
final class History {

    /** One undoable step. */
    record Entry(String description, List<Submission> done, List<Submission> undo) {
        Entry {
            done = List.copyOf(done);
            undo = List.copyOf(undo);
        }
    }

    private final Deque<Entry> undoable = new ArrayDeque<>();
    private final Deque<Entry> redoable = new ArrayDeque<>();

    void record(Entry entry) {
        undoable.push(entry);
        redoable.clear();
    }

    Optional<Entry> peekUndo() {
        return Optional.ofNullable(undoable.peek());
    }

    Optional<Entry> peekRedo() {
        return Optional.ofNullable(redoable.peek());
    }

    void undone() {
        redoable.push(undoable.pop());
    }

    void redone() {
        undoable.push(redoable.pop());
    }

    void clear() {
        undoable.clear();
        redoable.clear();
    }
}
