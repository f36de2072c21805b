package org.viflab.ui.canvas;

import java.util.Objects;

/** A line between two canvas nodes: a chip to its subnet band or NIC, a partition to a gateway's far side. */
public record Link(CanvasKey from, CanvasKey to, Type type, double x1, double y1, double x2, double y2) {

    public enum Type {
        SUBNET("link-subnet"), NIC("link-nic"), INTERNET("link-internet"), VPN("link-vpn");

        private final String styleClass;

        Type(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
    }

    public Rect bounds() {
        return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
    }
}
