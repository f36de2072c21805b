package org.viflab.model;

/** Identifies a service platform (a physical host). */
public record PlatformId(String value) implements Id {

    public PlatformId {
        Id.check(Naming.PLATFORM, value);
    }

    public static PlatformId platformId(String value) {
        return new PlatformId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
