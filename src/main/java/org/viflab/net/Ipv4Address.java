package org.viflab.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Optional;

/**
 * An IPv4 address, held as its 32 bits.
 *
 * @param bits the address as an unsigned 32-bit value stored in an {@code int}
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    static final IPAddressStringParameters STRICT_IPV4 = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowSingleSegment(false).allowWildcardedSeparator(false)
            .allowPrefixOnly(false).allow_inet_aton(false).allowIPv6(false)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false)
            .getParentBuilder().toParams();

    /** Parses dotted-quad text such as {@code 10.0.1.9}. */
    public static Ipv4Address parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing IPv4 address");
        }
        String trimmed = text.trim();
        try {
            IPAddressString parsed = new IPAddressString(trimmed, STRICT_IPV4);
            IPAddress address = parsed.toAddress();
            if (address.isPrefixed() || !address.isIPv4()) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
            }
            return new Ipv4Address(address.toIPv4().intValue());
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address", e);
        }
    }

    public static Optional<Ipv4Address> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Shorthand for {@link #parse(String)}, for readable tests and tables. */
    public static Ipv4Address ipv4(String text) {
        return parse(text);
    }

    /** The address as an unsigned value, for arithmetic and ordering. */
    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    /** The address {@code offset} further on (wrapping is a programming error). */
    public Ipv4Address plus(long offset) {
        long value = unsigned() + offset;
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(this + " + " + offset + " leaves the IPv4 space");
        }
        return new Ipv4Address((int) value);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return ((bits >>> 24) & 0xFF) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }
}
