/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/** Glass blur and motion blur. */
final class Blurs {

    /** Glass blur: Gaussian sigma per severity. */
    static final double[] GLASS_SIGMA = {0.7, 0.7, 0.8, 0.9, 1.1};

    /** Glass blur: largest displacement of a pixel swap, in pixels, per severity. */
    static final int[] GLASS_DELTA = {1, 1, 2, 2, 3};

    /** Glass blur: swap passes per severity. */
    static final int[] GLASS_ITERATIONS = {1, 2, 2, 3, 3};

    /** Motion blur: kernel length (taps 0..radius) per severity. */
    static final int[] MOTION_RADIUS = {6, 8, 10, 12, 15};

    /**
     * Motion blur: Gaussian fall-off (sigma, in pixels) of the taps along the line per severity.
     */
    static final double[] MOTION_SIGMA = {1, 2, 3, 4.5, 6};

    /**
     * Motion blur: the angle is uniform in {@code [-MOTION_MAX_ANGLE, MOTION_MAX_ANGLE]} degrees.
     */
    static final double MOTION_MAX_ANGLE = 45;

    private Blurs() {}

    static float[] glass(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double sigma = GLASS_SIGMA[s];
        int delta = GLASS_DELTA[s];
        int plane = h * w;
        Pixels.blur(x, c, h, w, sigma);
        for (int it = 0; it < GLASS_ITERATIONS[s]; it++) {
            for (int r = h - 1; r >= 0; r--) {
                for (int col = w - 1; col >= 0; col--) {
                    if (!random.nextBoolean()) {
                        continue;
                    }
                    int r2 = r + random.nextInt(-delta, delta + 1);
                    int c2 = col + random.nextInt(-delta, delta + 1);
                    if (r2 < 0 || c2 < 0 || r2 >= h || c2 >= w) {
                        continue;
                    }
                    int a = r * w + col;
                    int b = r2 * w + c2;
                    for (int ch = 0; ch < c; ch++) {
                        float t = x[ch * plane + a];
                        x[ch * plane + a] = x[ch * plane + b];
                        x[ch * plane + b] = t;
                    }
                }
            }
        }
        Pixels.blur(x, c, h, w, sigma);
        return x;
    }

    static float[] motion(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double angle = Math.toRadians(random.nextDouble(-MOTION_MAX_ANGLE, MOTION_MAX_ANGLE));
        int radius = MOTION_RADIUS[s];
        double sigma = MOTION_SIGMA[s];
        double[] weights = new double[radius + 1];
        double sum = 0;
        for (int t = 0; t <= radius; t++) {
            weights[t] = Math.exp(-(t * t) / (2 * sigma * sigma));
            sum += weights[t];
        }
        // every tap samples at the same fractional offset from each pixel: four corner weights
        int pad = radius + 1;
        int paddedWidth = w + 2 * pad;
        int[] offsets = new int[4 * (radius + 1)];
        float[] tapWeights = new float[4 * (radius + 1)];
        for (int t = 0; t <= radius; t++) {
            double row = -t * Math.sin(angle);
            double col = -t * Math.cos(angle);
            int r0 = (int) Math.floor(row);
            int c0 = (int) Math.floor(col);
            double fr = row - r0;
            double fc = col - c0;
            double wt = weights[t] / sum;
            offsets[4 * t] = r0 * paddedWidth + c0;
            offsets[4 * t + 1] = r0 * paddedWidth + c0 + 1;
            offsets[4 * t + 2] = (r0 + 1) * paddedWidth + c0;
            offsets[4 * t + 3] = (r0 + 1) * paddedWidth + c0 + 1;
            tapWeights[4 * t] = (float) (wt * (1 - fr) * (1 - fc));
            tapWeights[4 * t + 1] = (float) (wt * (1 - fr) * fc);
            tapWeights[4 * t + 2] = (float) (wt * fr * (1 - fc));
            tapWeights[4 * t + 3] = (float) (wt * fr * fc);
        }
        float[] padded = new float[(h + 2 * pad) * paddedWidth];
        float[] out = new float[x.length];
        for (int ch = 0; ch < c; ch++) {
            int base = ch * h * w;
            // edge pixels replicated pad times on every side
            for (int r = 0; r < h + 2 * pad; r++) {
                int sr = Math.min(h - 1, Math.max(0, r - pad));
                for (int col = 0; col < paddedWidth; col++) {
                    int sc = Math.min(w - 1, Math.max(0, col - pad));
                    padded[r * paddedWidth + col] = x[base + sr * w + sc];
                }
            }
            for (int r = 0; r < h; r++) {
                for (int col = 0; col < w; col++) {
                    int centre = (r + pad) * paddedWidth + col + pad;
                    float v = 0f;
                    for (int k = 0; k < offsets.length; k++) {
                        v += tapWeights[k] * padded[centre + offsets[k]];
                    }
                    out[base + r * w + col] = v;
                }
            }
        }
        return out;
    }
}
