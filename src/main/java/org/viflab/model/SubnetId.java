package org.viflab.model;

/** Identifies a subnet. */
public record SubnetId(String value) implements Id {

    public SubnetId {
        Id.check(Naming.SUBNET, value);
    }

    public static SubnetId subnetId(String value) {
        return new SubnetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
