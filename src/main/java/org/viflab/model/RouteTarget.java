package org.viflab.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a route sends matching traffic: the partition itself ({@code local}), the internet gateway,
 * the VPN gateway, an appliance's interface, or nowhere ({@code blackhole}).
 *
 * @param appliance the interface for {@link Kind#INTERFACE}, else {@code null}
 */
public record RouteTarget(Kind kind, InterfaceId appliance) {

    public enum Kind { LOCAL, INTERNET, VPN, BLACKHOLE, INTERFACE }

    public static final RouteTarget LOCAL = new RouteTarget(Kind.LOCAL, null);
    public static final RouteTarget INTERNET = new RouteTarget(Kind.INTERNET, null);
    public static final RouteTarget VPN = new RouteTarget(Kind.VPN, null);
    public static final RouteTarget BLACKHOLE = new RouteTarget(Kind.BLACKHOLE, null);

    public RouteTarget {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.INTERFACE) != (appliance != null)) {
            throw new IllegalArgumentException("an interface route target names exactly one interface");
        }
    }

    public static RouteTarget appliance(InterfaceId id) {
        return new RouteTarget(Kind.INTERFACE, id);
    }

    /** Parses {@code local}, {@code internet}, {@code vpn}, {@code blackhole} or an interface id. */
    public static RouteTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing route target");
        }
        return switch (text.trim()) {
            case "local" -> LOCAL;
            case "internet" -> INTERNET;
            case "vpn" -> VPN;
            case "blackhole" -> BLACKHOLE;
            default -> appliance(InterfaceId.interfaceId(text.trim()));
        };
    }

    public Optional<InterfaceId> applianceInterface() {
        return Optional.ofNullable(appliance);
    }

    @Override
    public String toString() {
        return kind == Kind.INTERFACE ? appliance.value() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
