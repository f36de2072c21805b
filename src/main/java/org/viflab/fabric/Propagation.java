package org.viflab.fabric;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InterfaceId;

/**
 * The queue between the coordinator and the fabric. In {@link Mode#INSTANT} mode a submission is
 * applied at once; in {@link Mode#STEPWISE} mode it is queued and applied by {@link #propagate(int)},
 * one operation at a time, so that a class can watch an attach "in flight".
 *
 * <p>Each queued operation carries the tags of its submission: the attachments it attaches and the
 * records it detaches. {@link #attaching(AttachmentId)} and {@link #detaching(InterfaceId)} answer
 * whether such an operation is still queued — what the coordinator needs for the {@code attaching} /
 * {@code detaching} statuses.
 *
 * <p>Listeners hear of every applied operation, in order, and of each batch (one submission, one
 * {@code propagate} or {@code drain}) once it is complete, so watched flows can be traced again.
 *
 * <p>Not thread-safe: the lab's single writer drives it.
 */
public final class Propagation {

    /** How submissions reach the fabric. */
    public enum Mode { INSTANT, STEPWISE }

    /** A queued operation with the tags of its submission. */
    public record Pending(ConfigOperation op, Set<AttachmentId> attaching, Set<InterfaceId> detaching) {
        public Pending {
            Objects.requireNonNull(op, "op");
            attaching = Set.copyOf(attaching);
            detaching = Set.copyOf(detaching);
        }
    }

    /** Hears of applied operations. Both methods do nothing unless overridden. */
    public interface Listener {
        /** One operation has just been applied. */
        default void applied(ConfigOperation op) {
        }

        /** A batch has been applied (never called with an empty list). */
        default void batchApplied(List<ConfigOperation> ops) {
        }
    }

    private final Fabric fabric;
    private Mode mode;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Map<AttachmentId, Integer> attachingCounts = new HashMap<>();
    private final Map<InterfaceId, Integer> detachingCounts = new HashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Propagation(Fabric fabric, Mode mode) {
        this.fabric = Objects.requireNonNull(fabric, "fabric");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The fabric operations are applied to. */
    public Fabric fabric() {
        return fabric;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Switches mode. Switching to {@link Mode#INSTANT} drains the queue first, so nothing stays
     * queued in a mode that never propagates. Returns what was applied.
     */
    public List<ConfigOperation> setMode(Mode newMode) {
        Objects.requireNonNull(newMode, "mode");
        List<ConfigOperation> applied = newMode == Mode.INSTANT ? drain() : List.of();
        mode = newMode;
        return applied;
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Submits the operations of one accepted request, tagged with the attachments it attaches and the
     * records it detaches. Instant mode applies them now (behind anything still queued, which is
     * applied first so that order is kept); stepwise mode queues them. Returns what was applied now.
     */
    public List<ConfigOperation> submit(List<? extends ConfigOperation> ops, Set<AttachmentId> attaching,
                                        Set<InterfaceId> detaching) {
        Objects.requireNonNull(ops, "ops");
        if (mode == Mode.INSTANT) {
            List<ConfigOperation> all = new ArrayList<>(queue.size() + ops.size());
            while (!queue.isEmpty()) {
                all.add(take().op());
            }
            all.addAll(ops);
            return applyBatch(all);
        }
        for (ConfigOperation op : ops) {
            Pending pending = new Pending(op, attaching, detaching);
            queue.addLast(pending);
            count(pending, +1);
        }
        return List.of();
    }

    /** Submits operations without tags. */
    public List<ConfigOperation> submit(List<? extends ConfigOperation> ops) {
        return submit(ops, Set.of(), Set.of());
    }

    /**
     * Applies operations at once in either mode, ahead of anything queued: for operations that do not
     * depend on queued ones (building the starting topology, a forced detach).
     */
    public List<ConfigOperation> submitImmediately(List<? extends ConfigOperation> ops) {
        return applyBatch(new ArrayList<>(ops));
    }

    /** Applies the next {@code n} queued operations (fewer if fewer are queued) and returns them. */
    public List<ConfigOperation> propagate(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot propagate " + n + " operations");
        }
        List<ConfigOperation> batch = new ArrayList<>(Math.min(n, queue.size()));
        for (int i = 0; i < n && !queue.isEmpty(); i++) {
            Pending next = take();
            apply(next.op());
            batch.add(next.op());
        }
        notifyBatch(batch);
        return List.copyOf(batch);
    }

    /** Applies everything queued and returns it. */
    public List<ConfigOperation> drain() {
        return propagate(queue.size());
    }

    /** The queued operations with their tags, next first. */
    public List<Pending> pending() {
        return List.copyOf(queue);
    }

    public int pendingCount() {
        return queue.size();
    }

    /** Whether a queued operation carries this attachment's attach. */
    public boolean attaching(AttachmentId attachment) {
        return attachingCounts.containsKey(attachment);
    }

    /** Whether a queued operation carries a detach of this record. */
    public boolean detaching(InterfaceId iface) {
        return detachingCounts.containsKey(iface);
    }

    /**
     * Removes from the queue the operations of an attach (a forced detach completes at once and the
     * attach never finishes). Tags are per submission, so every queued operation of the submission
     * that attached it goes. Returns the removed operations, in order.
     */
    public List<ConfigOperation> dropAttaching(AttachmentId attachment) {
        List<ConfigOperation> dropped = new ArrayList<>();
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext()) {
            Pending pending = it.next();
            if (pending.attaching().contains(attachment)) {
                it.remove();
                count(pending, -1);
                dropped.add(pending.op());
            }
        }
        return dropped;
    }

    private Pending take() {
        Pending next = queue.removeFirst();
        count(next, -1);
        return next;
    }

    private List<ConfigOperation> applyBatch(List<ConfigOperation> ops) {
        for (ConfigOperation op : ops) {
            apply(op);
        }
        notifyBatch(ops);
        return List.copyOf(ops);
    }

    private void apply(ConfigOperation op) {
        fabric.apply(op);
        for (Listener listener : listeners) {
            listener.applied(op);
        }
    }

    private void notifyBatch(List<ConfigOperation> ops) {
        if (ops.isEmpty()) {
            return;
        }
        List<ConfigOperation> view = List.copyOf(ops);
        for (Listener listener : listeners) {
            listener.batchApplied(view);
        }
    }

    private void count(Pending pending, int delta) {
        for (AttachmentId a : pending.attaching()) {
            adjust(attachingCounts, a, delta);
        }
        for (InterfaceId i : pending.detaching()) {
            adjust(detachingCounts, i, delta);
        }
    }

    private static <K> void adjust(Map<K, Integer> counts, K key, int delta) {
        int next = counts.getOrDefault(key, 0) + delta;
        if (next <= 0) {
            counts.remove(key);
        } else {
            counts.put(key, next);
        }
    }
}
