package org.viflab.flow;

import java.util.Objects;
import java.util.Optional;
import org.viflab.model.InvalidIdException;
import org.viflab.model.PartitionId;
import org.viflab.model.Sentence;
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
                    throw new FlowException(Sentence.of(Reason.OBJECT_ENDPOINT_NAMES_ONLY_ID));
                }
            }
            case ADDRESS -> {
                if (address == null || objectId != null || partition != null) {
                    throw new FlowException(Sentence.of(Reason.ADDRESS_ENDPOINT_NAMES_ONLY_ADDRESS));
                }
            }
            case INTERNET -> {
                if (objectId != null || partition != null) {
                    throw new FlowException(Sentence.of(Reason.INTERNET_ENDPOINT_NAMES_AT_MOST_ADDRESS));
                }
            }
            case VPN -> {
                if (partition == null || objectId != null) {
                    throw new FlowException(Sentence.of(Reason.VPN_ENDPOINT_NAMES_PARTITION));
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
            throw new FlowException(Sentence.of(Reason.MISSING_FLOW_ENDPOINT));
        }
        String t = text.trim();
        if (t.equals("internet")) {
            return internet();
        }
        if (t.startsWith("internet:")) {
            return internet(address(t.substring("internet:".length())));
        }
        if (t.startsWith("vpn:")) {
            String rest = t.substring("vpn:".length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return vpn(partition(rest));
            }
            return vpn(partition(rest.substring(0, colon)), address(rest.substring(colon + 1)));
        }
        if (Character.isDigit(t.charAt(0))) {
            return address(address(t));
        }
        return object(t);
    }

    /** An address in an endpoint's text; a {@link FlowException} saying the net package's words when it is none. */
    private static Ipv4Address address(String text) {
        try {
            return Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FlowException(Sentence.of(Reason.NOT_AN_IPV4_ADDRESS, text), e);
        }
    }

    /** A partition id in an endpoint's text; a {@link FlowException} saying the id's problem when it is none. */
    private static PartitionId partition(String text) {
        try {
            return PartitionId.partitionId(text);
        } catch (InvalidIdException e) {
            throw new FlowException(e.sentence(), e);
        }
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
