package org.viflab.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to the text of a scenario file, the way files go wrong: a key deleted, duplicated or
 * moved, a value replaced by one of the wrong type, a huge number, a bad address or prefix, odd
 * Unicode, a very long string, deep nesting, a YAML anchor and alias bomb, a tag, broken
 * indentation, a cut, flipped bytes. {@code where} and {@code pick} are fractions and indexes the
 * change interprets, so the same mutation applies to any file and shrinks well.
 *
 * <p>Sizes are bounded: a change adds at most about {@link #MAX_GROWTH} characters, nesting at most
 * 2,000 levels, so four changes stay within a few times the reader's 4 MiB limit (beyond which it
 * refuses a file unread).
 */
record ScenarioMutation(Kind kind, double where, int pick, int size) {

    /** The most characters one change adds. */
    static final long MAX_GROWTH = 1_000_000;

    enum Kind {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, MOVE_LINE, REPLACE_VALUE, NEST_VALUE, ALIAS_BOMB, ADD_KEY,
        INDENT, TAB, TRUNCATE, FLIP_BYTES, DOCUMENT_MARKER, REPEAT_BLOCK, LINE_ENDINGS
    }

    /** Values of the wrong type, out of range or malformed, put where a value was. */
    static final List<String> VALUES = List.of(
            // wrong types
            "[1, 2]", "{a: 1}", "true", "~", "null", "\"\"", "[]", "{}", "-1", "0", "3.5", "[[]]", "{\"x\": [null]}",
            // huge and odd numbers
            "99999999999999999999999999999999", "-99999999999999999999999999", "1e400", "-1e-400", "2147483648",
            "-2147483649", "9223372036854775808", "0x7fffffff", "0o777", ".inf", "-.inf", ".nan", "1_000", "+12",
            // bad addresses, prefixes, MACs, ports
            "256.1.1.1", "10.0.1", "10.0.1.0/33", "10.0.1.0/-1", "10.0.1.0/24/8", "::1", "fe80::1/64", "01.02.03.04",
            "10.0.0.0/08", "\" 10.0.1.10 \"", "10.0.1.10.", "0.0.0.0/0", "255.255.255.255/32", "10.0.1.10/32",
            "02:00:00:00:0a", "zz:00:00:00:0a:01", "02-00-00-00-0a-01", "65536", "80-22", "0-", "-", "1-2-3",
            // names
            "nope", "vif-web", "vm-1", "alice", "operator", "\"two words\"", "\"a,b\"", "\"[x]\"",
            // unicode and control characters
            "\"ünïcödé\"", "\"日本語\"", "\"🙂🙂\"", "\"\\u202Eevil\"", "\"\\0\"", "\"\\x07bell\"", "\"\\uD800\"",
            "\"\\t\\n\"", "\u00a0", "\u2028",
            // YAML features the reader refuses or must treat as text
            "!!binary aGVsbG8=", "!!java.lang.Runtime []", "!custom x", "&anchor x", "*nowhere", "<<: {a: 1}",
            "? complex", "|\n  block", ">-\n  folded", "'single ''quoted'''", "@reserved", "`reserved", "%TAG",
            "- item", "key: value: other", "{unclosed", "[unclosed", "\"unclosed", "'unclosed");

    /** The change applied to {@code content}; all but byte flips work on its text (read as UTF-8). */
    byte[] apply(byte[] content) {
        if (kind == Kind.FLIP_BYTES) {
            return flipBytes(content);
        }
        return apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private String apply(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = index(lines.size());
        switch (kind) {
            case DELETE_LINE -> lines.remove(line);
            case DUPLICATE_LINE -> lines.add(line, lines.get(line));
            case SWAP_LINES -> {
                int other = Math.floorMod(pick, lines.size());
                String a = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, a);
            }
            case MOVE_LINE -> lines.add(Math.floorMod(pick, lines.size()), lines.remove(line));
            case REPLACE_VALUE -> lines.set(line, replaceValue(lines.get(line), VALUES.get(Math.floorMod(pick,
                    VALUES.size())) + longText()));
            case NEST_VALUE -> lines.set(line, replaceValue(lines.get(line), nesting()));
            case ALIAS_BOMB -> lines.add(line, aliasBomb(indentOf(lines.get(line))));
            case ADD_KEY -> lines.add(line, " ".repeat(Math.floorMod(pick, 9)) + (pick % 3 == 0 ? "- " : "")
                    + List.of("bogus", "id", "scenario", "topology", "steps", "expect", "as", "cidr", "\"\"", "🙂")
                    .get(Math.floorMod(size, 10)) + ": " + VALUES.get(Math.floorMod(pick, VALUES.size())));
            case INDENT -> lines.set(line, pick % 2 == 0 ? " ".repeat(1 + Math.floorMod(size, 7)) + lines.get(line)
                    : lines.get(line).stripLeading());
            case TAB -> lines.set(line, "\t" + lines.get(line));
            case TRUNCATE -> {
                return text.substring(0, (int) (where * text.length()));
            }
            case FLIP_BYTES -> throw new IllegalStateException("byte flips work on bytes");
            case DOCUMENT_MARKER -> lines.add(line, pick % 2 == 0 ? "---" : "...");
            case REPEAT_BLOCK -> {
                int end = Math.min(lines.size(), line + 1 + Math.floorMod(pick, 6));
                List<String> block = List.copyOf(lines.subList(line, end));
                int times = 1 + Math.floorMod(size, 2_000);
                long blockLength = block.stream().mapToLong(l -> l.length() + 1L).sum();
                for (int i = 0; i < times && block.size() * i < 20_000 && blockLength * i < MAX_GROWTH; i++) {
                    lines.addAll(end, block);
                }
            }
            case LINE_ENDINGS -> {
                return pick % 2 == 0 ? text.replace("\n", "\r\n") : "\uFEFF" + text.replace("\n", "\r");
            }
        }
        return String.join("\n", lines);
    }

    private int index(int count) {
        return Math.min(count - 1, (int) (where * count));
    }

    /** Keeps the key (and a list dash) and puts {@code value} after it, or replaces the line's text. */
    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        int dash = line.indexOf("- ");
        if (dash >= 0 && line.substring(0, dash).isBlank()) {
            return line.substring(0, dash + 2) + value;
        }
        return indentOf(line) + value;
    }

    private static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(0, i);
    }

    /** Up to 200,000 characters appended to a replaced value, for a few sizes. */
    private String longText() {
        return switch (Math.floorMod(size, 8)) {
            case 0 -> "x".repeat(1 + Math.floorMod(pick * 7919, 200_000));
            case 1 -> "é🙂".repeat(1 + Math.floorMod(pick * 104_729, 20_000));
            default -> "";
        };
    }

    /** {@code [[[...]]]} or {@code {a: {a: ...}}}, from 2 to 2,000 levels. */
    private String nesting() {
        int depth = 2 + Math.floorMod(size, 1_999);
        return pick % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A billion-laughs bomb of {@code 2 + size % 9} levels, under a key of its own. */
    private String aliasBomb(String indent) {
        int levels = 2 + Math.floorMod(size, 9);
        StringBuilder out = new StringBuilder(indent).append("bomb0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
        for (int i = 1; i < levels; i++) {
            out.append('\n').append(indent).append("bomb").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                out.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            out.append(']');
        }
        return out.toString();
    }

    /** Overwrites 1 to 16 bytes with arbitrary ones, which may not be UTF-8. */
    private byte[] flipBytes(byte[] content) {
        byte[] bytes = content.clone();
        if (bytes.length == 0) {
            return bytes;
        }
        int at = index(bytes.length);
        for (int i = 0; i < 1 + Math.floorMod(size, 16) && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (pick * 31 + i * 17);
        }
        return bytes;
    }

    static Arbitrary<ScenarioMutation> any() {
        return Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.doubles().between(0, 0.999_999).ofScale(6),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000))
                .as(ScenarioMutation::new);
    }
}
