package org.viflab.model;

import java.util.Objects;
import org.viflab.net.Ipv4Address;

/** A public address of an interface record and the private address it is translated to. */
public record PublicAddress(Ipv4Address publicIp, Ipv4Address privateIp) {

    public PublicAddress {
        Objects.requireNonNull(publicIp, "publicIp");
        Objects.requireNonNull(privateIp, "privateIp");
    }

    @Override
    public String toString() {
        return publicIp + "→" + privateIp;
    }
}
