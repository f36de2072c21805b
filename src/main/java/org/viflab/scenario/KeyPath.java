package org.viflab.scenario;

/**
 * Where a value sits in a document: a list of keys and list indexes. Printed as a reader would
 * name it ({@code topology.subnets[0].cidr}); {@link #pointer()} gives the JSON pointer used to
 * find the value's position in the source.
 *
 * <p>A path is its parent plus one segment, so extending one costs a single small object: the
 * converter names the path of every value it reads, and only the paths of errors are ever printed.
 */
final class KeyPath {

    static final KeyPath ROOT = new KeyPath(null, null, 0);

    private final KeyPath parent;
    /** A {@code String} key or an {@code Integer} index; null only for the root. */
    private final Object segment;
    private final int depth;

    private KeyPath(KeyPath parent, Object segment, int depth) {
        this.parent = parent;
        this.segment = segment;
        this.depth = depth;
    }

    KeyPath key(String key) {
        return new KeyPath(this, java.util.Objects.requireNonNull(key, "key"), depth + 1);
    }

    KeyPath index(int index) {
        return new KeyPath(this, index, depth + 1);
    }

    boolean isRoot() {
        return depth == 0;
    }

    int depth() {
        return depth;
    }

    /** The segment at {@code i}: a {@code String} key or an {@code Integer} index. */
    Object segment(int i) {
        if (i < 0 || i >= depth) {
            throw new IndexOutOfBoundsException("segment " + i + " of a path of " + depth);
        }
        KeyPath at = this;
        while (at.depth > i + 1) {
            at = at.parent;
        }
        return at.segment;
    }

    /** The path without its last segment. */
    KeyPath parent() {
        return depth == 0 ? this : parent;
    }

    /** The path from segment {@code from} on, for messages relative to a step's request. */
    KeyPath from(int from) {
        KeyPath out = ROOT;
        for (int i = Math.max(0, from); i < depth; i++) {
            Object s = segment(i);
            out = s instanceof Integer index ? out.index(index) : out.key((String) s);
        }
        return out;
    }

    private Object[] segments() {
        Object[] out = new Object[depth];
        KeyPath at = this;
        for (int i = depth - 1; i >= 0; i--) {
            out[i] = at.segment;
            at = at.parent;
        }
        return out;
    }

    String pointer() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments()) {
            out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (depth == 0) {
            return "(top level)";
        }
        StringBuilder out = new StringBuilder();
        for (Object segment : segments()) {
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
        if (this == other) {
            return true;
        }
        if (!(other instanceof KeyPath p) || p.depth != depth) {
            return false;
        }
        KeyPath a = this;
        KeyPath b = p;
        while (a.depth > 0) {
            if (a == b) {
                return true;
            }
            if (!a.segment.equals(b.segment)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override
    public int hashCode() {
        // As List.hashCode of the segments, which the previous form returned.
        int hash = 1;
        for (Object segment : segments()) {
            hash = 31 * hash + segment.hashCode();
        }
        return hash;
    }
}
