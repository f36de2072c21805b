package org.viflab.net;

import java.util.Locale;
import java.util.Optional;

/** An IP protocol as security-group rules and flows name it. {@code ALL} matches any protocol. */
public enum Protocol {
    TCP, UDP, ICMP, ALL;

    public static Protocol parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing protocol");
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "tcp", "6" -> TCP;
            case "udp", "17" -> UDP;
            case "icmp", "1" -> ICMP;
            case "all", "-1" -> ALL;
            default -> throw new IllegalArgumentException("'" + text + "' is not a protocol (tcp, udp, icmp or all)");
        };
    }

    public static Optional<Protocol> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a rule for this protocol matches a packet of {@code packet}. */
    public boolean matches(Protocol packet) {
        return this == ALL || this == packet;
    }

    /** Whether the protocol carries ports (ICMP and "all" rules ignore them). */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
