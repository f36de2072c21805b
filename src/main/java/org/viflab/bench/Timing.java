package org.viflab.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, and the statistics the benchmarks report. */
final class Timing {

    private final long[] samples;
    private int count;

    Timing(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    double percentile(double p) {
        if (count == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[index];
    }

    double median() {
        return percentile(50);
    }
}
