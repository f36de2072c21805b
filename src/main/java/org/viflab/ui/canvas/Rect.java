package org.viflab.ui.canvas;

/** An axis-aligned rectangle in canvas (world) coordinates. */
public record Rect(double x, double y, double w, double h) {

    public Rect {
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("a rectangle of " + w + "×" + h);
        }
    }

    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    public boolean contains(Rect other) {
        return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
    }

    public boolean intersects(Rect other) {
        return other.x <= maxX() && other.maxX() >= x && other.y <= maxY() && other.maxY() >= y;
    }

    /** This rectangle grown by {@code dx} left and right and {@code dy} above and below. */
    public Rect grow(double dx, double dy) {
        return new Rect(x - dx, y - dy, w + 2 * dx, h + 2 * dy);
    }

    public Rect union(Rect other) {
        double nx = Math.min(x, other.x);
        double ny = Math.min(y, other.y);
        return new Rect(nx, ny, Math.max(maxX(), other.maxX()) - nx, Math.max(maxY(), other.maxY()) - ny);
    }
}
