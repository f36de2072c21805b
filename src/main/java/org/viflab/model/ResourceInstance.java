package org.viflab.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A VM or gateway appliance. {@code platform} is empty until the instance is placed.
 * {@code type} is kept as given, even when it is not in the built-in table.
 */
public record ResourceInstance(InstanceId id, PrincipalId owner, String type, String zone,
                               Optional<PlatformId> platform, InstanceState state, Map<String, String> tags) {

    public ResourceInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(state, "state");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("instance " + id + " needs a type");
        }
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("instance " + id + " needs a zone");
        }
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public InstanceType limits() {
        return InstanceType.limitsOf(type);
    }

    public boolean isRunning() {
        return state == InstanceState.RUNNING;
    }

    /** Running and placed: its interfaces are plugged into a hypervisor. */
    public boolean isActive() {
        return state == InstanceState.RUNNING && platform.isPresent();
    }

    public ResourceInstance withState(InstanceState newState) {
        return new ResourceInstance(id, owner, type, zone, platform, newState, tags);
    }

    public ResourceInstance withPlatform(Optional<PlatformId> newPlatform) {
        return new ResourceInstance(id, owner, type, zone, newPlatform, state, tags);
    }
}
