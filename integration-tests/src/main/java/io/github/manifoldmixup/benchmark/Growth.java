/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

/** How a quantity measured once per window changes over a run. */
final class Growth {

    private Growth() {}

    /**
     * Returns the least-squares slope of the values against their window number.
     *
     * @param values one value per window, at least two
     * @return the change per window
     */
    static double slopePerWindow(double[] values) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("A slope needs at least two windows, got " + n);
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double value : values) {
            meanY += value / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return covariance / variance;
    }

    /**
     * Returns the last value over the first.
     *
     * @param values one value per window, at least one
     * @return {@code values[n - 1] / values[0]}
     */
    static double lastOverFirst(double[] values) {
        return values[values.length - 1] / values[0];
    }
}
