package org.viflab.model;

import java.util.Locale;

/** Status of an interface record, derived from its attachments and what is still propagating. */
public enum InterfaceStatus {
    AVAILABLE("available"), ATTACHING("attaching"), IN_USE("in-use"), DETACHING("detaching");

    private final String text;

    InterfaceStatus(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
