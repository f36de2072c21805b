package org.viflab.ui.canvas;

/**
 * Level of detail by zoom: close up everything is drawn; further out interface chips give way to
 * counts on their subnet band and instance; far out instances and NICs give way to counts on their
 * platform. Fewer, simpler nodes keep panning smooth on a large lab.
 */
public enum Lod {
    DETAIL, MEDIUM, COARSE;

    static final double DETAIL_FROM = 0.5;
    static final double MEDIUM_FROM = 0.22;

    public static Lod at(double scale) {
        if (scale >= DETAIL_FROM) {
            return DETAIL;
        }
        return scale >= MEDIUM_FROM ? MEDIUM : COARSE;
    }

    public boolean shows(CanvasKey.Kind kind) {
        return switch (kind) {
            case INTERFACE -> this == DETAIL;
            case INSTANCE, NIC -> this != COARSE;
            default -> true;
        };
    }
}
