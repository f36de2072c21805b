package org.viflab.model;

import java.util.Locale;

/** A right the owner of an interface record may grant to another principal. */
public enum Permission {
    /** May attach and detach the record. */
    ATTACH,
    /** May change the record's addresses. */
    SET_IP;

    public static Permission parse(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "attach" -> ATTACH;
            case "set-ip" -> SET_IP;
            default -> throw new IllegalArgumentException("'" + text + "' is not a permission (attach or set-ip)");
        };
    }

    @Override
    public String toString() {
        return this == ATTACH ? "attach" : "set-ip";
    }
}
