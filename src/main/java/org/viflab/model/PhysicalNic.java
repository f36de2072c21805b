package org.viflab.model;

import java.util.Objects;
import org.viflab.net.MacAddress;

/** A physical network card of a service platform; interface records are carried over it. */
public record PhysicalNic(NicId id, MacAddress mac, boolean up) {

    public PhysicalNic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mac, "mac");
    }

    public PhysicalNic withUp(boolean newUp) {
        return new PhysicalNic(id, mac, newUp);
    }
}
