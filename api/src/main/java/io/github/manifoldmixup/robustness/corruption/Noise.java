/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/** Per-value noise corruptions: Gaussian, shot (Poisson) and impulse (salt and pepper). */
final class Noise {

    /** Standard deviation of the added Gaussian noise per severity. */
    static final double[] GAUSSIAN_SIGMA = {0.08, 0.12, 0.18, 0.26, 0.38};

    /** Photon count at value 1 per severity: {@code x -> Poisson(x * c) / c}. */
    static final double[] SHOT_PHOTONS = {10, 6, 3, 2, 1};

    /** Fraction of values replaced by 0 or 1 per severity. */
    static final double[] IMPULSE_AMOUNT = {0.05, 0.10, 0.17, 0.24, 0.30};

    private Noise() {}

    static float[] gaussian(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        float sigma = (float) GAUSSIAN_SIGMA[s];
        for (int i = 0; i < x.length; i++) {
            x[i] += sigma * (float) random.nextGaussian();
        }
        return x;
    }

    static float[] shot(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double photons = SHOT_PHOTONS[s];
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0f) {
                x[i] = (float) (poisson(x[i] * photons, random) / photons);
            }
        }
        return x;
    }

    /** Knuth's multiplication method; fine for the small means used here (at most 10). */
    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        int k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    static float[] impulse(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double amount = IMPULSE_AMOUNT[s];
        for (int i = 0; i < x.length; i++) {
            // both draws always, so that a higher severity corrupts a superset of the values
            double u = random.nextDouble();
            boolean salt = random.nextBoolean();
            if (u < amount) {
                x[i] = salt ? 1f : 0f;
            }
        }
        return x;
    }
}
