package org.viflab.net;

import java.util.Optional;
import java.util.regex.Pattern;

/** A 48-bit MAC address, printed as lower-case colon-separated hex ({@code 02:00:00:00:0b:01}). */
public record MacAddress(long bits) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");

    public MacAddress {
        if (bits < 0 || bits > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("MAC address out of range: " + bits);
        }
    }

    public static MacAddress parse(String text) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected six hex pairs like 02:00:00:00:0b:01)");
        }
        return new MacAddress(Long.parseLong(text.trim().replaceAll("[:-]", ""), 16));
    }

    public static Optional<MacAddress> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static MacAddress mac(String text) {
        return parse(text);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String toString() {
        char[] out = new char[17];
        int at = 0;
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (at > 0) {
                out[at++] = ':';
            }
            int octet = (int) (bits >>> shift) & 0xFF;
            out[at++] = HEX[octet >>> 4];
            out[at++] = HEX[octet & 0xF];
        }
        return new String(out);
    }
}
