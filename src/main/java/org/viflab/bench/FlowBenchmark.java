package org.viflab.bench;

import java.util.List;
import java.util.OptionalDouble;
import org.viflab.flow.TraceBenchmark;

/** The tracer's figures (measured by {@link TraceBenchmark}) as rows of the bench table. */
public final class FlowBenchmark {

    private FlowBenchmark() {
    }

    public static List<Figure> run(boolean quick) {
        TraceBenchmark.Result r = TraceBenchmark.run(quick ? TraceBenchmark.Settings.quick() : TraceBenchmark.Settings.defaults());
        return List.of(
                new Figure("single-flow trace, median (" + r.interfaces() + " interfaces)", r.medianTraceNanos() / 1000.0,
                        "µs", OptionalDouble.of(r.baselineMedianNanos() / 1000.0), OptionalDouble.of(10), false,
                        "one trace through the fabric vs a loop doing only the same hash lookups"),
                new Figure("single-flow trace, p99", r.p99TraceNanos() / 1000.0, "µs",
                        OptionalDouble.of(r.baselineP99Nanos() / 1000.0), OptionalDouble.empty(), false,
                        "99th percentile of the same traces"),
                new Figure("watched-flow update, " + r.watchedFlows() + " flows, " + r.tenAffectedTraced() + " affected",
                        r.watchedTenAffectedNanos() / 1e6, "ms", OptionalDouble.empty(), OptionalDouble.of(1), false,
                        "re-tracing what one operation can affect, after it is applied"),
                new Figure("watched-flow update, " + r.watchedFlows() + " flows, all affected",
                        r.watchedAllAffectedNanos() / 1e6, "ms", OptionalDouble.empty(), OptionalDouble.of(10), false,
                        "after a group change every watched flow passes through"));
    }
}
