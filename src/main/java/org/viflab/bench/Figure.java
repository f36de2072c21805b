package org.viflab.bench;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One measured figure: its value, the baseline measured in the same run (if any), the target and
 * whether the value meets it.
 *
 * @param higherIsBetter rates (per second) are better high, times better low
 */
public record Figure(String name, double value, String unit, OptionalDouble baseline, OptionalDouble target,
                     boolean higherIsBetter, String meaning) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(target, "target");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " measured " + value);
        }
    }

    /** Value over baseline, if there is a baseline. */
    public OptionalDouble ratio() {
        return baseline.isPresent() && baseline.getAsDouble() > 0
                ? OptionalDouble.of(value / baseline.getAsDouble()) : OptionalDouble.empty();
    }

    /**
     * Whether the target is met. A rate's target is a ratio to its baseline when the baseline
     * exists (e.g. at least a third of the raw JDBC loop), else an absolute floor; a time's target
     * is a ceiling.
     */
    public boolean pass() {
        if (target.isEmpty()) {
            return true;
        }
        double t = target.getAsDouble();
        if (higherIsBetter) {
            return ratio().isPresent() ? ratio().getAsDouble() >= t : value >= t;
        }
        return value <= t;
    }
}
