package org.viflab.scenario;

import java.util.Locale;
import org.viflab.model.Sentence;

/**
 * How a scenario's steps reach the fabric ({@code options: {propagation: …}}): at once, or queued
 * and applied by {@code propagate} steps. The topology itself is always realized at once.
 */
public enum Propagation {
    INSTANT, STEPWISE;

    public static Propagation parse(String text) {
        return switch (text == null ? "" : text) {
            case "instant" -> INSTANT;
            case "stepwise" -> STEPWISE;
            default -> throw new IllegalArgumentException(Sentence.of(Problem.NOT_A_PROPAGATION_MODE, text).english());
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
