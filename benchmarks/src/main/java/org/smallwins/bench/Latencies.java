package org.smallwins.bench;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds, thread-safe, in an HdrHistogram (three significant digits, any range). */
final class Latencies {

    private final Histogram values = new Histogram(3);

    synchronized void add(long micros) {
        values.recordValue(Math.max(0, micros));
    }

    synchronized int count() {
        return (int) values.getTotalCount();
    }

    /** Percentile in milliseconds (within 0.1% of the recorded value), NaN when empty. */
    synchronized double percentileMillis(double p) {
        if (values.getTotalCount() == 0) {
            return Double.NaN;
        }
        return values.getValueAtPercentile(p) / 1000.0;
    }
}
