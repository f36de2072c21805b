package org.viflab.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ports a security-group rule admits: a sorted list of ranges such as {@code 80,443,8000-8080},
 * or every port ({@link #ALL}, written as an omitted {@code ports} key).
 */
public record PortSet(List<PortRange> ranges) {

    public static final PortSet ALL = new PortSet(List.of(PortRange.ALL));

    public PortSet {
        if (ranges == null || ranges.isEmpty()) {
            throw new IllegalArgumentException("a port set needs at least one range");
        }
        ranges = ranges.stream().sorted().distinct().toList();
    }

    /** Parses {@code N}, {@code N-M} or a comma-separated list of them; blank means all ports. */
    public static PortSet parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<PortRange> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            ranges.add(PortRange.parse(part));
        }
        return new PortSet(ranges);
    }

    public static Optional<PortSet> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static PortSet ports(String text) {
        return parse(text);
    }

    public boolean isAll() {
        return equals(ALL);
    }

    public boolean contains(int port) {
        for (PortRange range : ranges) {
            if (range.contains(port)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.stream().map(PortRange::toString).collect(Collectors.joining(","));
    }
}
