package org.viflab.model;

/** Identifies an interface record (a VIF). */
public record InterfaceId(String value) implements Id {

    public InterfaceId {
        Id.check(Naming.INTERFACE, value);
    }

    public static InterfaceId interfaceId(String value) {
        return new InterfaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
