package org.viflab.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A physical host in a zone: it runs up to {@code capacity} instances over its physical NICs. */
public record ServicePlatform(PlatformId id, String zone, int capacity, List<PhysicalNic> nics) {

    public ServicePlatform {
        Objects.requireNonNull(id, "id");
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("platform " + id + " needs a zone");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("platform " + id + " needs a capacity of at least 1");
        }
        nics = List.copyOf(nics);
        if (nics.isEmpty()) {
            throw new IllegalArgumentException("platform " + id + " needs at least one physical NIC");
        }
    }

    /**
     * The NIC that carries the interface at {@code deviceIndex} of an instance on this platform:
     * device indexes are spread over the NICs in order, so the choice follows from the topology alone.
     */
    public PhysicalNic nicFor(int deviceIndex) {
        return nics.get(Math.floorMod(deviceIndex, nics.size()));
    }

    public Optional<PhysicalNic> nic(NicId nic) {
        return nics.stream().filter(n -> n.id().equals(nic)).findFirst();
    }

    public ServicePlatform withNic(PhysicalNic changed) {
        return new ServicePlatform(id, zone, capacity,
                nics.stream().map(n -> n.id().equals(changed.id()) ? changed : n).toList());
    }
}
