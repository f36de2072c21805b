package org.viflab.model;

import java.util.Locale;

/** Lifecycle state of a resource instance. */
public enum InstanceState {
    PENDING, RUNNING, STOPPED, TERMINATED;

    public static InstanceState parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instance state (pending, running, stopped, terminated)", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
