package org.viflab.flow;

import java.util.Objects;
import java.util.Optional;
import org.viflab.model.PartitionId;
import org.viflab.net.Ipv4Address;

/**
 * One end of a flow as a user names it: an object id (an instance or an interface record, told
 * apart when the flow is resolved against a topology), an IP address, the internet (an outside host),
 * or the on-premises network behind a partition's VPN gateway.
 *
 * @param objectId  for {@link Kind#OBJECT}
 * @param address   for {@link Kind#ADDRESS}; optional for {@link Kind#INTERNET} and {@link Kind#VPN}
 * @param partition for {@link Kind#VPN}
 */
public record Endpoint(Kind kind, String objectId, Ipv4Address address, PartitionId partition) {

    /** The outside host that stands for "the internet" unless an address is given. */
    public static final Ipv4Address DEFAULT_INTERNET_HOST = Ipv4Address.parse("198.51.100.10");

    /** What an endpoint names. */
    public enum Kind { OBJECT, ADDRESS, INTERNET, VPN }

    public Endpoint {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case OBJECT -> {
                if (objectId == null || objectId.isBlank() || address != null || partition != null) {
                    throw new IllegalArgumentException("an object endpoint names only an id");
                }
            }
            case ADDRESS -> {
                if (address == null || objectId != null || partition != null) {
                    throw new IllegalArgumentException("an address endpoint names only an address");
                }
            }
            case INTERNET -> {
                if (objectId != null || partition != null) {
                    throw new IllegalArgumentException("an internet endpoint names at most an address");
                }
            }
            case VPN -> {
                if (partition == null || objectId != null) {
                    throw new IllegalArgumentException("a VPN endpoint names a partition and maybe an address");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    public static Endpoint object(String id) {
        return new Endpoint(Kind.OBJECT, id, null, null);
    }

    public static Endpoint address(Ipv4Address address) {
        return new Endpoint(Kind.ADDRESS, null, address, null);
    }

    public static Endpoint internet() {
        return new Endpoint(Kind.INTERNET, null, null, null);
    }

    public static Endpoint internet(Ipv4Address host) {
        return new Endpoint(Kind.INTERNET, null, host, null);
    }

    public static Endpoint vpn(PartitionId partition) {
        return new Endpoint(Kind.VPN, null, null, partition);
    }

    public static Endpoint vpn(PartitionId partition, Ipv4Address host) {
        return new Endpoint(Kind.VPN, null, host, partition);
    }

    /**
     * Parses the text form: {@code internet}, {@code internet:<ip>}, {@code vpn:<partition>},
     * {@code vpn:<partition>:<ip>}, an IPv4 address, or an object id.
     */
    public static Endpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing flow endpoint");
        }
        String t = text.trim();
        if (t.equals("internet")) {
            return internet();
        }
        if (t.startsWith("internet:")) {
            return internet(Ipv4Address.parse(t.substring("internet:".length())));
        }
        if (t.startsWith("vpn:")) {
            String rest = t.substring("vpn:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return vpn(PartitionId.partitionId(rest));
            }
            return vpn(PartitionId.partitionId(rest.substring(0, colon)), Ipv4Address.parse(rest.substring(colon + 1)));
        }
        if (Character.isDigit(t.charAt(0))) {
            return address(Ipv4Address.parse(t));
        }
        return object(t);
    }

    public Optional<Ipv4Address> host() {
        return Optional.ofNullable(address);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OBJECT -> objectId;
            case ADDRESS -> address.toString();
            case INTERNET -> address == null ? "internet" : "internet:" + address;
            case VPN -> "vpn:" + partition + (address == null ? "" : ":" + address);
        };
    }
}
