/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Canny edge detection per channel: Gaussian smoothing, unnormalised Sobel gradients (as
 * scikit-image's), non-maximum suppression across the gradient direction (four directions) and
 * hysteresis with 8-connectivity. The result is a binary edge map; the one-pixel border is never an
 * edge.
 */
final class Edges {

    /** Weight of the edge map in the blend {@code (1 - a) x + a edges} per severity. */
    static final double[] WEIGHT = {0.2, 0.4, 0.6, 0.8, 1.0};

    /** Gaussian sigma of the smoothing (scikit-image's default). */
    static final double SIGMA = 1;

    /** Low hysteresis threshold on the Sobel magnitude (scikit-image's default). */
    static final float LOW = 0.1f;

    /** High hysteresis threshold on the Sobel magnitude (scikit-image's default). */
    static final float HIGH = 0.2f;

    private Edges() {}

    static float[] canny(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        int plane = h * w;
        float[] smooth = x.clone();
        Pixels.blur(smooth, c, h, w, SIGMA);
        float[] out = new float[x.length];
        float[] gx = new float[plane];
        float[] gy = new float[plane];
        float[] magnitude = new float[plane];
        byte[] state = new byte[plane];
        int[] stack = new int[plane];
        for (int ch = 0; ch < c; ch++) {
            int base = ch * plane;
            Arrays.fill(magnitude, 0f);
            Arrays.fill(state, (byte) 0);
            for (int r = 1; r < h - 1; r++) {
                for (int col = 1; col < w - 1; col++) {
                    int i = base + r * w + col;
                    float a = smooth[i - w - 1];
                    float b = smooth[i - w];
                    float d = smooth[i - w + 1];
                    float e = smooth[i - 1];
                    float f = smooth[i + 1];
                    float g = smooth[i + w - 1];
                    float k = smooth[i + w];
                    float l = smooth[i + w + 1];
                    int p = r * w + col;
                    gx[p] = (d + 2 * f + l) - (a + 2 * e + g);
                    gy[p] = (g + 2 * k + l) - (a + 2 * b + d);
                    magnitude[p] = (float) Math.hypot(gx[p], gy[p]);
                }
            }
            float low = LOW;
            float high = HIGH;
            int top = 0;
            // non-maximum suppression: 1 = weak candidate, 2 = edge
            for (int r = 1; r < h - 1; r++) {
                for (int col = 1; col < w - 1; col++) {
                    int p = r * w + col;
                    float m = magnitude[p];
                    if (m < low) {
                        continue;
                    }
                    int step = neighbourStep(gx[p], gy[p], w);
                    if (m < magnitude[p + step] || m < magnitude[p - step]) {
                        continue;
                    }
                    if (m >= high) {
                        state[p] = 2;
                        stack[top++] = p;
                    } else {
                        state[p] = 1;
                    }
                }
            }
            // hysteresis: weak candidates connected to an edge become edges
            while (top > 0) {
                int p = stack[--top];
                int r = p / w;
                int col = p % w;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = col + dc;
                        if (rr < 0 || cc < 0 || rr >= h || cc >= w) {
                            continue;
                        }
                        int q = rr * w + cc;
                        if (state[q] == 1) {
                            state[q] = 2;
                            stack[top++] = q;
                        }
                    }
                }
            }
            float weight = (float) WEIGHT[s];
            for (int p = 0; p < plane; p++) {
                float edge = state[p] == 2 ? 1f : 0f;
                out[base + p] = (1 - weight) * x[base + p] + weight * edge;
            }
        }
        return out;
    }

    /**
     * The index step to the neighbour along the gradient, quantised to 0, 45, 90 or 135 degrees.
     */
    private static int neighbourStep(float gx, float gy, int w) {
        double angle = Math.toDegrees(Math.atan2(gy, gx));
        if (angle < 0) {
            angle += 180;
        }
        if (angle < 22.5 || angle >= 157.5) {
            return 1;
        } else if (angle < 67.5) {
            return w + 1;
        } else if (angle < 112.5) {
            return w;
        }
        return w - 1;
    }
}
