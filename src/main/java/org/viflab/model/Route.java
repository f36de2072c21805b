package org.viflab.model;

import java.util.Objects;
import org.viflab.net.Ipv4Prefix;

/** One entry of a subnet's route table: traffic to {@code to} goes {@code via}. */
public record Route(Ipv4Prefix to, RouteTarget via) {

    public Route {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(via, "via");
    }

    @Override
    public String toString() {
        return to + " → " + via;
    }
}
