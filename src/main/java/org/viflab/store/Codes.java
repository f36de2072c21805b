package org.viflab.store;

import java.util.Locale;
import org.viflab.model.InterfaceId;
import org.viflab.model.RouteTarget;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;

/**
 * The few codes the schema defines itself (the model has no text form that fits them), and the
 * reading of stored prefixes.
 */
final class Codes {

    static final String INGRESS = "ingress";
    static final String EGRESS = "egress";

    private Codes() {
    }

    /** {@code local}, {@code internet}, {@code vpn}, {@code blackhole} or {@code interface}. */
    static String of(RouteTarget.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static RouteTarget routeTarget(String kind, String appliance) {
        RouteTarget.Kind parsed;
        try {
            parsed = RouteTarget.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + kind + "' is not a route target kind", e);
        }
        return parsed == RouteTarget.Kind.INTERFACE
                ? RouteTarget.appliance(InterfaceId.interfaceId(appliance))
                : new RouteTarget(parsed, null);
    }

    /**
     * Reads a prefix as {@link Ipv4Prefix#toString()} wrote it. {@link Ipv4Prefix#parse} refuses a
     * length of 0 ({@code 0.0.0.0/0}, the default route and the allow-all egress rule), so that one
     * is read here; every other prefix goes through the model's parser.
     */
    static Ipv4Prefix prefix(String text) {
        if (text != null && text.endsWith("/0")) {
            return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, text.length() - 2)), 0);
        }
        return Ipv4Prefix.parse(text);
    }
}
