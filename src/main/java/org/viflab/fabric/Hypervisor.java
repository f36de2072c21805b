package org.viflab.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.SecurityGroupId;

/**
 * The hypervisor of one service platform: its zone, its physical NICs (MAC, up or down), the
 * instances it runs, the interface records plugged into them and the security groups it has loaded
 * for each plugged record.
 */
public final class Hypervisor {

    private static final Plug[] NONE = new Plug[0];
    private static final Comparator<Plug> BY_DEVICE =
            Comparator.comparingInt(Plug::deviceIndex).thenComparing(p -> p.iface().value());

    private final PlatformId id;
    private String zone;
    private final LinkedHashMap<NicId, NicState> nics;
    private final Set<InstanceId> running;
    private final Map<Plug.Key, Plug> plugs;
    private final Map<InterfaceId, List<SecurityGroupId>> loadedGroups;
    /** Derived: each instance's plugs by device index. */
    private final Map<InstanceId, Plug[]> byInstance;
    /** Derived: how many plugs each record has here. */
    private final Map<InterfaceId, Integer> plugCount;

    Hypervisor(PlatformId id, String zone, List<PhysicalNic> physicalNics) {
        this.id = Objects.requireNonNull(id, "id");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.nics = new LinkedHashMap<>();
        for (PhysicalNic nic : physicalNics) {
            nics.put(nic.id(), NicState.of(nic));
        }
        this.running = new HashSet<>();
        this.plugs = new HashMap<>();
        this.loadedGroups = new HashMap<>();
        this.byInstance = new HashMap<>();
        this.plugCount = new HashMap<>();
    }

    private Hypervisor(Hypervisor other) {
        this.id = other.id;
        this.zone = other.zone;
        this.nics = new LinkedHashMap<>(other.nics);
        this.running = new HashSet<>(other.running);
        this.plugs = new HashMap<>(other.plugs);
        this.loadedGroups = new HashMap<>(other.loadedGroups);
        this.byInstance = new HashMap<>(other.byInstance); // arrays are never changed in place
        this.plugCount = new HashMap<>(other.plugCount);
    }

    Hypervisor copy() {
        return new Hypervisor(this);
    }

    public PlatformId id() {
        return id;
    }

    public String zone() {
        return zone;
    }

    /** The physical NICs, in the platform's order. */
    public List<NicState> nics() {
        return List.copyOf(nics.values());
    }

    /** A physical NIC, or {@code null}. */
    public NicState nic(NicId nic) {
        return nics.get(nic);
    }

    /** Instances this hypervisor runs (read-only). */
    public Set<InstanceId> running() {
        return Collections.unmodifiableSet(running);
    }

    public boolean runs(InstanceId instance) {
        return running.contains(instance);
    }

    /** The plug of {@code iface} into {@code instance}, or {@code null}. */
    public Plug plug(InterfaceId iface, InstanceId instance) {
        return plugs.get(new Plug.Key(iface, instance));
    }

    /** Every plug, by (interface, instance) (read-only). */
    public Map<Plug.Key, Plug> plugs() {
        return Collections.unmodifiableMap(plugs);
    }

    /** The plugs of an instance, by device index. */
    public List<Plug> plugsOf(InstanceId instance) {
        Plug[] of = byInstance.get(instance);
        return of == null ? List.of() : List.of(of);
    }

    /** The plugs of an instance by device index, as the array the tracer walks (do not change it). */
    Plug[] plugArrayOf(InstanceId instance) {
        Plug[] of = byInstance.get(instance);
        return of == null ? NONE : of;
    }

    /**
     * The groups loaded for a plugged record, or {@code null} while none are loaded (an empty list
     * means "loaded, and no filtering": a requester-managed record without groups).
     */
    public List<SecurityGroupId> loadedGroups(InterfaceId iface) {
        return loadedGroups.get(iface);
    }

    /** How many instances this hypervisor has plugged a record into. */
    public int plugCount(InterfaceId iface) {
        return plugCount.getOrDefault(iface, 0);
    }

    /** Loaded groups of every record (read-only). */
    public Map<InterfaceId, List<SecurityGroupId>> allLoadedGroups() {
        return Collections.unmodifiableMap(loadedGroups);
    }

    // ---- mutation, by Fabric only ----

    void reset(String newZone, List<PhysicalNic> physicalNics) {
        zone = Objects.requireNonNull(newZone, "zone");
        nics.clear();
        for (PhysicalNic nic : physicalNics) {
            nics.put(nic.id(), NicState.of(nic));
        }
    }

    boolean setNic(NicId nic, boolean up) {
        NicState state = nics.get(nic);
        if (state == null) {
            return false;
        }
        nics.put(nic, state.withUp(up));
        return true;
    }

    void run(InstanceId instance) {
        running.add(instance);
    }

    boolean halt(InstanceId instance) {
        return running.remove(instance);
    }

    void plug(Plug plug) {
        Plug before = plugs.put(plug.key(), plug);
        if (before == null) {
            plugCount.merge(plug.iface(), 1, Integer::sum);
        }
        reindex(plug.instance(), plug);
    }

    boolean unplug(InterfaceId iface, InstanceId instance) {
        Plug removed = plugs.remove(new Plug.Key(iface, instance));
        if (removed == null) {
            return false;
        }
        Integer left = plugCount.merge(iface, -1, Integer::sum);
        if (left != null && left <= 0) {
            plugCount.remove(iface);
            // The record's last plug here is gone: so are the groups loaded for it.
            loadedGroups.remove(iface);
        }
        reindex(instance, null);
        return true;
    }

    void loadGroups(InterfaceId iface, List<SecurityGroupId> groups) {
        loadedGroups.put(iface, List.copyOf(groups));
    }

    boolean unloadGroups(InterfaceId iface) {
        return loadedGroups.remove(iface) != null;
    }

    void setSourceDestCheck(InterfaceId iface, boolean on) {
        List<Plug.Key> keys = new ArrayList<>();
        for (Plug.Key key : plugs.keySet()) {
            if (key.iface().equals(iface)) {
                keys.add(key);
            }
        }
        for (Plug.Key key : keys) {
            Plug changed = plugs.get(key).withSourceDestCheck(on);
            plugs.put(key, changed);
            reindex(key.instance(), changed);
        }
    }

    /**
     * Rebuilds one instance's plug array from its old one (a few entries), not from all plugs.
     *
     * @param changed a plug of that instance just put, or {@code null} after a removal
     */
    private void reindex(InstanceId instance, Plug changed) {
        Plug[] old = byInstance.getOrDefault(instance, NONE);
        List<Plug> of = new ArrayList<>(old.length + 1);
        for (Plug plug : old) {
            if (changed != null && plug.iface().equals(changed.iface())) {
                continue;
            }
            Plug current = plugs.get(plug.key());
            if (current != null) {
                of.add(current);
            }
        }
        if (changed != null) {
            of.add(changed);
        }
        if (of.isEmpty()) {
            byInstance.remove(instance);
            return;
        }
        Plug[] sorted = of.toArray(NONE);
        Arrays.sort(sorted, BY_DEVICE);
        byInstance.put(instance, sorted);
    }

    /** Content equality: zone, NICs in order, running instances, plugs and loaded groups. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Hypervisor h && id.equals(h.id) && zone.equals(h.zone)
                && List.copyOf(nics.values()).equals(List.copyOf(h.nics.values()))
                && running.equals(h.running) && plugs.equals(h.plugs) && loadedGroups.equals(h.loadedGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, zone, List.copyOf(nics.values()), running, plugs, loadedGroups);
    }

    @Override
    public String toString() {
        return "hypervisor " + id + " " + zone + " " + nics.values() + " running=" + running.size()
                + " plugs=" + plugs.size();
    }
}
