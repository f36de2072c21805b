package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceBenchmarkTest {

    /**
     * Runs the benchmark with fewer traces. Timing on a shared machine is noisy, so this checks that
     * the run is sound (the right number of flows traced again) and far from pathological; the
     * targets themselves are for {@code viflab bench} with the default settings.
     */
    @Test
    void aQuickRunTracesTheAffectedFlowsOnlyAndStaysFarFromPathological() {
        TraceBenchmark.Result result = TraceBenchmark.run(TraceBenchmark.Settings.quick());
        System.out.print(result.toText());
        assertThat(result.interfaces()).isEqualTo(10_000);
        assertThat(result.tenAffectedTraced()).isEqualTo(10);
        assertThat(result.allAffectedTraced()).isEqualTo(1_000);
        assertThat(result.medianTraceNanos()).isPositive().isLessThan(100_000);
        assertThat(result.baselineMedianNanos()).isLessThanOrEqualTo(result.medianTraceNanos());
        assertThat(result.watchedTenAffectedNanos()).isLessThan(result.watchedAllAffectedNanos());
        assertThat(result.watchedAllAffectedNanos()).isLessThan(200_000_000);
        assertThat(result.toText()).contains("single trace, median");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new TraceBenchmark.Settings(0, 500, 5, 50, 1000, 0, 1, 1000, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
