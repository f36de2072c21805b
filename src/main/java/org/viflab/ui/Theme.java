package org.viflab.ui;

/** The app's colour schemes. Classroom mode adds its high-contrast, large-print sheet on top of either. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The stylesheet's resource name next to this class. */
    public String stylesheet() {
        return stylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
