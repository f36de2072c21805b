package org.viflab.model;

/** Identifies a resource instance (a VM or an appliance). */
public record InstanceId(String value) implements Id {

    public InstanceId {
        Id.check(Naming.INSTANCE, value);
    }

    public static InstanceId instanceId(String value) {
        return new InstanceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
