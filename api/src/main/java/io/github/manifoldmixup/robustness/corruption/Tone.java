/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/** Intensity corruptions: brightness, contrast and fog. */
final class Tone {

    /** Brightness: amount added to every value (then clipped) per severity. */
    static final double[] BRIGHTNESS = {0.2, 0.35, 0.5, 0.65, 0.8};

    /** Contrast: factor on the distance to the per-image, per-channel mean per severity. */
    static final double[] CONTRAST = {0.4, 0.3, 0.2, 0.1, 0.05};

    /** Fog: strength of the added plasma fractal per severity. */
    static final double[] FOG_STRENGTH = {1.0, 2.0, 3.0, 4.5, 7.0};

    /** Fog: wibble decay of the plasma fractal per severity (lower is rougher). */
    static final double[] FOG_DECAY = {2.0, 1.7, 1.4, 1.3, 1.2};

    private Tone() {}

    static float[] brightness(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        float add = (float) BRIGHTNESS[s];
        for (int i = 0; i < x.length; i++) {
            x[i] += add;
        }
        return x;
    }

    static float[] contrast(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        float factor = (float) CONTRAST[s];
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += x[ch * plane + p];
            }
            float mean = (float) (sum / plane);
            for (int p = 0; p < plane; p++) {
                int i = ch * plane + p;
                x[i] = (x[i] - mean) * factor + mean;
            }
        }
        return x;
    }

    static float[] fog(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double strength = FOG_STRENGTH[s];
        int size = 2;
        while (size < Math.max(h, w)) {
            size *= 2;
        }
        double[] plasma = plasma(size, FOG_DECAY[s], random);
        float max = 0f;
        for (float v : x) {
            max = Math.max(max, v);
        }
        float norm = (float) (max / (max + strength));
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < h; r++) {
                for (int col = 0; col < w; col++) {
                    int i = ch * plane + r * w + col;
                    x[i] = (float) ((x[i] + strength * plasma[r * size + col]) * norm);
                }
            }
        }
        return x;
    }

    /**
     * A toroidal diamond-square height map of {@code size x size} (a power of two) in {@code [0,
     * 1]}; the random displacement shrinks by {@code decay^2} per halving of the step.
     */
    static double[] plasma(int size, double decay, SplittableRandom random) {
        double[] m = new double[size * size];
        int mask = size - 1;
        double amplitude = 1;
        for (int step = size; step >= 2; step /= 2) {
            int half = step / 2;
            for (int r = half; r < size; r += step) {
                for (int c = half; c < size; c += step) {
                    int up = (r - half) & mask;
                    int down = (r + half) & mask;
                    int left = (c - half) & mask;
                    int right = (c + half) & mask;
                    double mean =
                            (m[up * size + left]
                                            + m[up * size + right]
                                            + m[down * size + left]
                                            + m[down * size + right])
                                    / 4;
                    m[r * size + c] = mean + amplitude * random.nextDouble(-1, 1);
                }
            }
            for (int r = 0; r < size; r += half) {
                for (int c = (r / half) % 2 == 0 ? half : 0; c < size; c += step) {
                    int up = (r - half) & mask;
                    int down = (r + half) & mask;
                    int left = (c - half) & mask;
                    int right = (c + half) & mask;
                    double mean =
                            (m[up * size + c]
                                            + m[down * size + c]
                                            + m[r * size + left]
                                            + m[r * size + right])
                                    / 4;
                    m[r * size + c] = mean + amplitude * random.nextDouble(-1, 1);
                }
            }
            amplitude /= decay * decay;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : m) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        for (int i = 0; i < m.length; i++) {
            m[i] = (m[i] - min) / range;
        }
        return m;
    }
}
