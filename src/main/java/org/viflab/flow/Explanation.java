package org.viflab.flow;

import java.util.Objects;

/**
 * Why a trace ended as it did, at three levels: the disposition code, the deciding object (the
 * rule's group, route table, interface, instance or NIC, by id) and one plain sentence a student can
 * read, e.g. "vif-web is not attached to any instance, so nothing receives traffic for 10.0.1.10".
 */
public record Explanation(Disposition code, String decidingObject, String sentence) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        if (decidingObject == null || decidingObject.isBlank()) {
            throw new IllegalArgumentException("an explanation names its deciding object");
        }
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("an explanation has a sentence");
        }
    }

    @Override
    public String toString() {
        return code + " (" + decidingObject + "): " + sentence;
    }
}
