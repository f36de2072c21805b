package org.viflab.model;

/** Identifies a physical NIC of a service platform. */
public record NicId(String value) implements Id {

    public NicId {
        Id.check(Naming.PHYSICAL_NIC, value);
    }

    public static NicId nicId(String value) {
        return new NicId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
