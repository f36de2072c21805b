package org.viflab.ui.canvas;

import java.util.Objects;

/**
 * Identifies one node of the canvas: a kind and the id of the object it shows. An interface record
 * attached to several instances (multi-attach) has one chip per instance: the first keeps the
 * record's id, the others are {@code <record>@<instance>}.
 */
public record CanvasKey(Kind kind, String id) {

    /** What a canvas node shows; also its drawing order (earlier kinds are drawn below later ones). */
    public enum Kind {
        PARTITION("partition"), SUBNET("subnet"), ZONE("zone"), PLATFORM("platform"), TRAY("tray"),
        INTERNET("internet"), ON_PREMISES("onprem"), GATEWAY("gateway"), NIC("nic"), INSTANCE("instance"), INTERFACE("iface");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix of the node's CSS id, e.g. {@code iface} in {@code #iface-vif-web}. */
        public String prefix() {
            return prefix;
        }
    }

    public CanvasKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static CanvasKey of(Kind kind, Object id) {
        return new CanvasKey(kind, id.toString());
    }

    /** The node's CSS id: {@code <prefix>-<id>}, with characters a selector cannot hold replaced. */
    public String nodeId() {
        StringBuilder out = new StringBuilder(kind.prefix()).append('-');
        for (char c : id.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return out.toString();
    }

    /** For an interface chip: the record's id (without the {@code @instance} of a second chip). */
    public String objectId() {
        int at = id.indexOf('@');
        return kind == Kind.INTERFACE && at > 0 ? id.substring(0, at) : id;
    }

    /**
     * Cheaper than the record's generated hash (a layout hashes every key several times), and spread:
     * ids like {@code vif-00001, vif-00002…} have neighbouring string hashes that crowd hash buckets.
     */
    @Override
    public int hashCode() {
        return (31 * kind.ordinal() + id.hashCode()) * 0x9E3779B9;
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + id;
    }
}
