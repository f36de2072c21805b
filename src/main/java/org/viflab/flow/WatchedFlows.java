package org.viflab.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.FabricKey;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InstanceId;
import org.viflab.model.Sentence;
import org.viflab.model.Topology;

/**
 * Named flows pinned by a user or a scenario, each with its last trace, traced again when an
 * operation may have changed where it lands.
 *
 * <p>Each flow is indexed by the {@link FabricKey fabric keys} its last trace read and those its
 * resolution read (the records and instances its endpoints name). After operations are applied,
 * {@link #retraceAfter} resolves and traces again only the flows indexed under a key an operation
 * touched, and reports those whose landing place (the set of instances) or disposition changed.
 * A change of resolution (a {@code to: vif-x} whose primary address changed, a new attachment of a
 * sending instance) always comes with an operation on that record or instance, so it is caught the
 * same way. When an endpoint no longer resolves (its record was deleted), the last resolution is
 * traced again: the fabric then says what became of its address.
 *
 * <p>Not thread-safe: the lab calls it after each batch of applied operations.
 */
public final class WatchedFlows {

    private static final class Watched {
        final String name;
        final Flow flow;
        final long order;
        ResolvedFlow resolved;
        Set<FabricKey> resolutionKeys;
        Trace trace;
        Set<FabricKey> indexed = Set.of();

        Watched(String name, Flow flow, long order) {
            this.name = name;
            this.flow = flow;
            this.order = order;
        }
    }

    private final Map<String, Watched> byName = new LinkedHashMap<>();
    private final Map<FabricKey, Set<Watched>> index = new HashMap<>();
    private long nextOrder;
    private long traceCount;

    /**
     * Watches a flow under a name (replacing a flow of that name) and returns its first trace.
     *
     * @throws FlowException when the flow has no name or does not resolve in {@code topology}
     */
    public Trace watch(String name, Flow flow, Fabric fabric, Topology topology) {
        if (name == null || name.isBlank()) {
            throw new FlowException(Sentence.of(Reason.WATCHED_FLOW_NEEDS_NAME));
        }
        Objects.requireNonNull(flow, "flow");
        Set<FabricKey> keys = new HashSet<>();
        ResolvedFlow resolved = FlowResolver.resolve(topology, flow, keys);
        unwatch(name);
        Watched watched = new Watched(name, flow, nextOrder++);
        watched.resolved = resolved;
        watched.resolutionKeys = keys;
        watched.trace = trace(fabric, resolved);
        byName.put(name, watched);
        reindex(watched);
        return watched.trace;
    }

    /** Stops watching a flow; whether there was one of that name. */
    public boolean unwatch(String name) {
        Watched gone = byName.remove(name);
        if (gone == null) {
            return false;
        }
        for (FabricKey key : gone.indexed) {
            removeFromIndex(key, gone);
        }
        return true;
    }

    /** Names in the order they were watched. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public int size() {
        return byName.size();
    }

    public Optional<Flow> flow(String name) {
        Watched watched = byName.get(name);
        return watched == null ? Optional.empty() : Optional.of(watched.flow);
    }

    /** The last trace of a watched flow. */
    public Optional<Trace> trace(String name) {
        Watched watched = byName.get(name);
        return watched == null ? Optional.empty() : Optional.of(watched.trace);
    }

    /** Every watched flow's last trace, in watch order. */
    public Map<String, Trace> traces() {
        Map<String, Trace> all = new LinkedHashMap<>();
        byName.forEach((name, watched) -> all.put(name, watched.trace));
        return all;
    }

    /** Where a watched flow lands now (empty when it is not delivered, or not watched). */
    public Set<InstanceId> landing(String name) {
        Watched watched = byName.get(name);
        return watched == null ? Set.of() : watched.trace.landing();
    }

    /** How many traces this object has made: what tests of "only affected flows" count. */
    public long traceCount() {
        return traceCount;
    }

    /**
     * Traces again the flows that the applied operations may affect and returns, in watch order,
     * those whose landing place or disposition changed.
     *
     * @param fabric   the fabric after the operations
     * @param topology the topology the flows are resolved in now
     * @param applied  the operations just applied, in order
     */
    public List<FlowChange> retraceAfter(Fabric fabric, Topology topology, List<? extends ConfigOperation> applied) {
        if (applied.isEmpty() || byName.isEmpty()) {
            return List.of();
        }
        Set<Watched> dirty = new HashSet<>();
        Set<FabricKey> seen = new HashSet<>();
        for (ConfigOperation op : applied) {
            for (FabricKey key : FabricKey.touchedBy(op)) {
                if (seen.add(key)) {
                    Set<Watched> hit = index.get(key);
                    if (hit != null) {
                        dirty.addAll(hit);
                    }
                }
            }
        }
        if (dirty.isEmpty()) {
            return List.of();
        }
        List<Watched> ordered = new ArrayList<>(dirty);
        ordered.sort((a, b) -> Long.compare(a.order, b.order));
        return retrace(fabric, topology, ordered, seen);
    }

    /** Resolves and traces every watched flow again (after loading a lab, say). */
    public List<FlowChange> retraceAll(Fabric fabric, Topology topology) {
        return retrace(fabric, topology, new ArrayList<>(byName.values()), null);
    }

    /**
     * @param touched the keys the operations touched; {@code null} resolves every flow again
     */
    private List<FlowChange> retrace(Fabric fabric, Topology topology, List<Watched> flows, Set<FabricKey> touched) {
        List<FlowChange> changes = new ArrayList<>();
        for (Watched watched : flows) {
            boolean resolvedAgain = false;
            // Resolution reads the topology (tree maps by id): only redo it when an operation touched
            // one of the records or instances it read.
            if (touched == null || intersects(watched.resolutionKeys, touched)) {
                Set<FabricKey> keys = new HashSet<>();
                try {
                    watched.resolved = FlowResolver.resolve(topology, watched.flow, keys);
                    resolvedAgain = !keys.equals(watched.resolutionKeys);
                    watched.resolutionKeys = keys;
                } catch (IllegalArgumentException gone) {
                    // An endpoint no longer exists: trace the last resolution, whose address the fabric still knows.
                }
            }
            Trace before = watched.trace;
            Trace after = trace(fabric, watched.resolved);
            watched.trace = after;
            if (resolvedAgain || !after.touched().equals(before.touched())) {
                reindex(watched);
            }
            if (!before.landing().equals(after.landing()) || before.disposition() != after.disposition()) {
                changes.add(new FlowChange(watched.name, before.landing(), before.disposition(), after.landing(),
                        after.disposition(), after));
            }
        }
        return changes;
    }

    private static boolean intersects(Set<FabricKey> small, Set<FabricKey> large) {
        for (FabricKey key : small) {
            if (large.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private Trace trace(Fabric fabric, ResolvedFlow resolved) {
        traceCount++;
        return FlowTracer.trace(fabric, resolved);
    }

    private void reindex(Watched watched) {
        Set<FabricKey> keys = new HashSet<>(watched.trace.touched());
        keys.addAll(watched.resolutionKeys);
        if (keys.equals(watched.indexed)) {
            return;
        }
        for (FabricKey key : watched.indexed) {
            if (!keys.contains(key)) {
                removeFromIndex(key, watched);
            }
        }
        for (FabricKey key : keys) {
            if (!watched.indexed.contains(key)) {
                index.computeIfAbsent(key, k -> new HashSet<>(4)).add(watched);
            }
        }
        watched.indexed = keys;
    }

    private void removeFromIndex(FabricKey key, Watched watched) {
        Set<Watched> set = index.get(key);
        if (set != null) {
            set.remove(watched);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
