package org.viflab.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Optional;

/**
 * An IPv4 CIDR prefix such as {@code 10.0.1.0/24}. The address is normalised on construction:
 * {@code 10.0.1.7/24} becomes {@code 10.0.1.0/24}.
 */
public record Ipv4Prefix(Ipv4Address network, int length) implements Comparable<Ipv4Prefix> {

    public static final Ipv4Prefix ANY = new Ipv4Prefix(new Ipv4Address(0), 0);

    public Ipv4Prefix {
        if (network == null) {
            throw new IllegalArgumentException("missing prefix address");
        }
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is not between 0 and 32");
        }
        network = new Ipv4Address(network.bits() & mask(length));
    }

    /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
    public static Ipv4Prefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing CIDR prefix");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new Ipv4Prefix(Ipv4Address.parse(trimmed), 32);
        }
        try {
            IPAddress address = new IPAddressString(trimmed, Ipv4Address.STRICT_IPV4).toAddress();
            if (!address.isIPv4() || address.getNetworkPrefixLength() == null) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR prefix");
            }
            Ipv4Address first = Ipv4Address.parse(trimmed.substring(0, slash));
            return new Ipv4Prefix(first, address.getNetworkPrefixLength());
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR prefix", e);
        }
    }

    public static Optional<Ipv4Prefix> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Ipv4Prefix cidr(String text) {
        return parse(text);
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public boolean contains(Ipv4Address address) {
        return (address.bits() & mask(length)) == network.bits();
    }

    public boolean contains(Ipv4Prefix other) {
        return other.length >= length && contains(other.network);
    }

    public boolean overlaps(Ipv4Prefix other) {
        return contains(other) || other.contains(this);
    }

    /** Number of addresses in the prefix. */
    public long size() {
        return 1L << (32 - length);
    }

    /** The address at {@code index} inside the prefix (0 is the network address). */
    public Ipv4Address addressAt(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index " + index + " outside " + this);
        }
        return network.plus(index);
    }

    /** Position of {@code address} inside this prefix. */
    public long indexOf(Ipv4Address address) {
        if (!contains(address)) {
            throw new IllegalArgumentException(address + " is outside " + this);
        }
        return address.unsigned() - network.unsigned();
    }

    public Ipv4Address last() {
        return addressAt(size() - 1);
    }

    @Override
    public int compareTo(Ipv4Prefix other) {
        int byNetwork = network.compareTo(other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(length, other.length);
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }
}
