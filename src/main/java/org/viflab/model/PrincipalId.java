package org.viflab.model;

/** Identifies a principal (a customer or user). */
public record PrincipalId(String value) implements Id {

    public PrincipalId {
        Id.check(Naming.PRINCIPAL, value);
    }

    public static PrincipalId principalId(String value) {
        return new PrincipalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
