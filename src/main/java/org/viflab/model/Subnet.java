package org.viflab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;

/**
 * A subnet of a partition, in one zone, with its route table. {@code routes} holds the routes set
 * explicitly; the route {@code partition-CIDR → local} always exists besides them.
 */
public record Subnet(SubnetId id, PartitionId partition, Ipv4Prefix cidr, String zone, List<Route> routes) {

    /** Network, router (.1), DNS (.2), future use (.3) and broadcast. */
    public static final int RESERVED_ADDRESSES = 5;

    public Subnet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(cidr, "cidr");
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("subnet " + id + " needs a zone");
        }
        routes = routes.stream().sorted(Comparator.comparing(Route::to)).toList();
    }

    /** Whether {@code address} is one of the five addresses the provider keeps for itself. */
    public boolean isReserved(Ipv4Address address) {
        long index = cidr.indexOf(address);
        return index <= 3 || index == cidr.size() - 1;
    }

    /** Number of addresses interfaces may use: the size less the reserved ones. */
    public long usableAddresses() {
        return Math.max(0, cidr.size() - RESERVED_ADDRESSES);
    }

    /** The route table as the router holds it: the implicit local route plus the explicit ones. */
    public List<Route> effectiveRoutes(Ipv4Prefix partitionCidr) {
        List<Route> all = new ArrayList<>();
        all.add(new Route(partitionCidr, RouteTarget.LOCAL));
        for (Route route : routes) {
            if (!route.to().equals(partitionCidr)) {
                all.add(route);
            }
        }
        return List.copyOf(all);
    }

    public Subnet withRoutes(List<Route> newRoutes) {
        return new Subnet(id, partition, cidr, zone, newRoutes);
    }
}
