package org.viflab.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.viflab.model.PartitionId;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.SubnetId;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;

/**
 * A subnet's router: the subnet's CIDR, its partition and its route table, looked up by longest
 * prefix match.
 */
public final class Router {

    private static final Route[] NONE = new Route[0];

    private final SubnetId subnet;
    private PartitionId partition;
    private Ipv4Prefix cidr;
    private final Map<Ipv4Prefix, RouteTarget> routes;
    /** Derived: the routes, longest prefix first, for lookups, and their texts. */
    private Route[] byLength = NONE;
    private String[] byLengthText = new String[0];

    Router(SubnetId subnet, PartitionId partition, Ipv4Prefix cidr) {
        this.subnet = Objects.requireNonNull(subnet, "subnet");
        this.partition = Objects.requireNonNull(partition, "partition");
        this.cidr = Objects.requireNonNull(cidr, "cidr");
        this.routes = new HashMap<>();
    }

    private Router(Router other) {
        this.subnet = other.subnet;
        this.partition = other.partition;
        this.cidr = other.cidr;
        this.routes = new HashMap<>(other.routes);
        this.byLength = other.byLength;
        this.byLengthText = other.byLengthText;
    }

    Router copy() {
        return new Router(this);
    }

    public SubnetId subnet() {
        return subnet;
    }

    public PartitionId partition() {
        return partition;
    }

    public Ipv4Prefix cidr() {
        return cidr;
    }

    /** The route with the longest prefix containing {@code destination}, or {@code null}. */
    public Route lookup(Ipv4Address destination) {
        Route[] table = byLength;
        for (Route route : table) {
            if (route.to().contains(destination)) {
                return route;
            }
        }
        return null;
    }

    /** The text of a route {@link #lookup} returned ({@code 10.0.0.0/16 → local}), kept ready for traces. */
    public String text(Route route) {
        Route[] table = byLength;
        for (int i = 0; i < table.length; i++) {
            if (table[i] == route) {
                return byLengthText[i];
            }
        }
        return route.toString();
    }

    /** The route table, by prefix. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>(routes.size());
        routes.forEach((to, via) -> all.add(new Route(to, via)));
        all.sort(Comparator.comparing(Route::to));
        return List.copyOf(all);
    }

    void reset(PartitionId newPartition, Ipv4Prefix newCidr) {
        partition = Objects.requireNonNull(newPartition, "partition");
        cidr = Objects.requireNonNull(newCidr, "cidr");
    }

    void route(Ipv4Prefix to, RouteTarget via) {
        routes.put(to, via);
        reindex();
    }

    void unroute(Ipv4Prefix to) {
        if (routes.remove(to) != null) {
            reindex();
        }
    }

    private void reindex() {
        Route[] table = new Route[routes.size()];
        int i = 0;
        for (Map.Entry<Ipv4Prefix, RouteTarget> e : routes.entrySet()) {
            table[i++] = new Route(e.getKey(), e.getValue());
        }
        Arrays.sort(table, Comparator.comparingInt((Route r) -> -r.to().length()).thenComparing(Route::to));
        String[] texts = new String[table.length];
        for (int j = 0; j < table.length; j++) {
            texts[j] = table[j].toString();
        }
        byLength = table;
        byLengthText = texts;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Router r && subnet.equals(r.subnet) && partition.equals(r.partition)
                && cidr.equals(r.cidr) && routes.equals(r.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subnet, partition, cidr, routes);
    }

    @Override
    public String toString() {
        return "router " + subnet + " " + cidr + " in " + partition + " " + routes();
    }
}
