package org.viflab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a document: a list of keys and list indexes. Printed as a reader would
 * name it ({@code topology.subnets[0].cidr}); {@link #pointer()} gives the JSON pointer used to
 * find the value's position in the source.
 */
final class KeyPath {

    static final KeyPath ROOT = new KeyPath(List.of());

    private final List<Object> segments;

    private KeyPath(List<Object> segments) {
        this.segments = segments;
    }

    KeyPath key(String key) {
        List<Object> next = new ArrayList<>(segments);
        next.add(key);
        return new KeyPath(List.copyOf(next));
    }

    KeyPath index(int index) {
        List<Object> next = new ArrayList<>(segments);
        next.add(index);
        return new KeyPath(List.copyOf(next));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    int depth() {
        return segments.size();
    }

    /** The segment at {@code i}: a {@code String} key or an {@code Integer} index. */
    Object segment(int i) {
        return segments.get(i);
    }

    /** The path without its last segment. */
    KeyPath parent() {
        return segments.isEmpty() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    /** The path from segment {@code from} on, for messages relative to a step's request. */
    KeyPath from(int from) {
        return new KeyPath(List.copyOf(segments.subList(from, segments.size())));
    }

    String pointer() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(top level)";
        }
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
