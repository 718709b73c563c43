/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/** Corruptions drawn over the image: stripe, spatter, dotted line and zigzag. */
final class Overlays {

    /** Stripe: inverted columns on each side, out of a width of 28, per severity. */
    static final int[] STRIPE_COLUMNS = {2, 4, 7, 10, 12};

    /** Spatter: threshold, in standard deviations, on the smoothed normal field per severity. */
    static final double[] SPATTER_THRESHOLD = {0.4, 0.2, 0.0, -0.2, -0.4};

    /** Spatter: sigma of the smoothing of the normal field. */
    static final double SPATTER_SIGMA = 1;

    /** Spatter: sigma of the smoothing of the binary mud mask. */
    static final double SPATTER_MASK_SIGMA = 1.5;

    /** Spatter: the smoothed mask below this is cleared. */
    static final float SPATTER_MASK_CUT = 0.8f;

    /** Spatter: the mud's grey level, 63/255 as in MNIST-C. */
    static final float MUD = 63f / 255f;

    /** Dotted line and zigzag: width of the line profile in pixels per severity. */
    static final double[] LINE_WIDTH = {1.4, 1.8, 2.3, 2.3, 2.3};

    /** Dotted line and zigzag: number of lines per severity. */
    static final int[] LINE_COUNT = {1, 1, 1, 2, 3};

    /** Zigzag: half period (along the line) and amplitude (across it) in pixels, as in MNIST-C. */
    static final double ZIGZAG_STEP = 2;

    private Overlays() {}

    static float[] stripe(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        int columns = Math.max(1, (int) Math.round(w * STRIPE_COLUMNS[s] / 28.0));
        columns = Math.min(columns, (w + 1) / 2);
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < h; r++) {
                int off = ch * h * w + r * w;
                for (int col = 0; col < w; col++) {
                    if (col < columns || col >= w - columns) {
                        x[off + col] = 1f - x[off + col];
                    }
                }
            }
        }
        return x;
    }

    static float[] spatter(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        int plane = h * w;
        float[] field = new float[plane];
        for (int p = 0; p < plane; p++) {
            field[p] = (float) random.nextGaussian();
        }
        Pixels.blur(field, 1, h, w, SPATTER_SIGMA);
        // the standard deviation of smoothed white noise is the sum of the squared 1-D weights
        double std = 0;
        for (float k : Pixels.gaussianKernel(SPATTER_SIGMA)) {
            std += k * k;
        }
        float threshold = (float) (SPATTER_THRESHOLD[s] * std);
        float[] mask = new float[plane];
        for (int p = 0; p < plane; p++) {
            mask[p] = field[p] > threshold ? 1f : 0f;
        }
        Pixels.blur(mask, 1, h, w, SPATTER_MASK_SIGMA);
        for (int p = 0; p < plane; p++) {
            float m = mask[p] < SPATTER_MASK_CUT ? 0f : mask[p];
            if (m > 0f) {
                for (int ch = 0; ch < c; ch++) {
                    int i = ch * plane + p;
                    x[i] = x[i] * (1 - m) + MUD * m;
                }
            }
        }
        return x;
    }

    static float[] dottedLine(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        float[] layer = new float[h * w];
        int maxLines = LINE_COUNT[LINE_COUNT.length - 1];
        for (int line = 0; line < maxLines; line++) {
            // always draw the endpoints of every line, so a severity adds to the lines of the last
            int r0 = random.nextInt(Math.max(1, h - 1));
            int r1 = random.nextInt(Math.max(1, h - 1));
            if (line < LINE_COUNT[s]) {
                segment(layer, h, w, 0, r0, w - 1, r1, LINE_WIDTH[s]);
            }
        }
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                if ((col / 2) % 2 == 0) {
                    layer[r * w + col] = 0f;
                }
            }
        }
        return addLayer(x, c, h * w, layer);
    }

    static float[] zigzag(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        float[] layer = new float[h * w];
        int maxLines = LINE_COUNT[LINE_COUNT.length - 1];
        double c0 = Math.min(2, w - 1);
        double c1 = Math.max(c0, w - 3);
        for (int line = 0; line < maxLines; line++) {
            int r0 = random.nextInt(Math.max(1, h - 1));
            int r1 = r0 + random.nextInt(-5, 5);
            if (line < LINE_COUNT[s]) {
                zigzagLine(layer, h, w, c0, r0, c1, r1, LINE_WIDTH[s]);
            }
        }
        return addLayer(x, c, h * w, layer);
    }

    private static void zigzagLine(
            float[] layer, int h, int w, double c0, double r0, double c1, double r1, double width) {
        double length = Math.hypot(c1 - c0, r1 - r0);
        if (length == 0) {
            return;
        }
        double uCol = (c1 - c0) / length;
        double uRow = (r1 - r0) / length;
        double prevCol = c0;
        double prevRow = r0;
        for (int i = 0; ; i++) {
            double along = (2 * i + 1) * ZIGZAG_STEP;
            double nextCol;
            double nextRow;
            boolean last = along >= length;
            if (last) {
                nextCol = c1;
                nextRow = r1;
            } else {
                double across = (i % 2 == 0 ? 1 : -1) * ZIGZAG_STEP;
                nextCol = c0 + along * uCol - across * uRow;
                nextRow = r0 + along * uRow + across * uCol;
            }
            segment(layer, h, w, prevCol, prevRow, nextCol, nextRow, width);
            if (last) {
                return;
            }
            prevCol = nextCol;
            prevRow = nextRow;
        }
    }

    /**
     * Draws a segment into a single-plane layer with the MNIST-C profile {@code 1 + ln(1 - d /
     * width)} at distance {@code d < width(1 - 1/e)} from the segment, keeping the larger value.
     */
    static void segment(
            float[] layer, int h, int w, double c0, double r0, double c1, double r1, double width) {
        double reach = width * (1 - Math.exp(-1));
        int rowFrom = Math.max(0, (int) Math.floor(Math.min(r0, r1) - reach));
        int rowTo = Math.min(h - 1, (int) Math.ceil(Math.max(r0, r1) + reach));
        int colFrom = Math.max(0, (int) Math.floor(Math.min(c0, c1) - reach));
        int colTo = Math.min(w - 1, (int) Math.ceil(Math.max(c0, c1) + reach));
        double dc = c1 - c0;
        double dr = r1 - r0;
        double lengthSquared = dc * dc + dr * dr;
        for (int r = rowFrom; r <= rowTo; r++) {
            for (int col = colFrom; col <= colTo; col++) {
                double t =
                        lengthSquared == 0 ? 0 : ((col - c0) * dc + (r - r0) * dr) / lengthSquared;
                t = Math.max(0, Math.min(1, t));
                double d = Math.hypot(col - (c0 + t * dc), r - (r0 + t * dr));
                if (d < reach) {
                    float v = (float) (1 + Math.log(1 - d / width));
                    int i = r * w + col;
                    layer[i] = Math.max(layer[i], Math.min(1f, v));
                }
            }
        }
    }

    private static float[] addLayer(float[] x, int c, int plane, float[] layer) {
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < plane; p++) {
                x[ch * plane + p] += layer[p];
            }
        }
        return x;
    }
}
