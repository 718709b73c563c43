/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

/**
 * Low-level image helpers on channels-first float arrays: clipping, separable Gaussian blur,
 * bilinear sampling and centred affine warps.
 */
final class Pixels {

    private Pixels() {}

    /** Clips into {@code [0, 1]}; {@code NaN} passes through. */
    static float clip(float v) {
        if (v < 0f) {
            return 0f;
        }
        return v > 1f ? 1f : v;
    }

    /** Clips every value into {@code [0, 1]} in place; {@code NaN} passes through. */
    static float[] clipAll(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = clip(x[i]);
        }
        return x;
    }

    /** A normalised 1-D Gaussian kernel of radius {@code max(1, ceil(4 sigma))}. */
    static float[] gaussianKernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(4 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-(i * i) / (2 * sigma * sigma));
            kernel[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return kernel;
    }

    /**
     * Blurs each of the {@code planes} planes of {@code h x w} values in place with a separable
     * Gaussian, replicating edge pixels.
     */
    static void blur(float[] x, int planes, int h, int w, double sigma) {
        float[] kernel = gaussianKernel(sigma);
        int radius = kernel.length / 2;
        // a line with its edge values replicated radius times on both sides
        float[] line = new float[Math.max(h, w) + 2 * radius];
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int r = 0; r < h; r++) {
                int off = base + r * w;
                System.arraycopy(x, off, line, radius, w);
                pad(line, radius, w);
                convolve(line, kernel, x, off, 1, w);
            }
            for (int c = 0; c < w; c++) {
                for (int r = 0; r < h; r++) {
                    line[radius + r] = x[base + r * w + c];
                }
                pad(line, radius, h);
                convolve(line, kernel, x, base + c, w, h);
            }
        }
    }

    private static void pad(float[] line, int radius, int n) {
        for (int k = 0; k < radius; k++) {
            line[k] = line[radius];
            line[radius + n + k] = line[radius + n - 1];
        }
    }

    private static void convolve(
            float[] line, float[] kernel, float[] out, int off, int stride, int n) {
        for (int i = 0; i < n; i++) {
            float sum = 0f;
            for (int k = 0; k < kernel.length; k++) {
                sum += kernel[k] * line[i + k];
            }
            out[off + i * stride] = sum;
        }
    }

    /**
     * Samples plane {@code base} bilinearly at a fractional (row, column); pixels outside the image
     * count as 0 when {@code clamp} is false and as the nearest edge pixel when it is true.
     */
    static float sample(float[] x, int base, int h, int w, double row, double col, boolean clamp) {
        if (clamp) {
            row = Math.min(h - 1, Math.max(0, row));
            col = Math.min(w - 1, Math.max(0, col));
        } else if (row <= -1 || col <= -1 || row >= h || col >= w) {
            return 0f;
        }
        int r0 = (int) Math.floor(row);
        int c0 = (int) Math.floor(col);
        float fr = (float) (row - r0);
        float fc = (float) (col - c0);
        float v00 = at(x, base, h, w, r0, c0);
        float v01 = at(x, base, h, w, r0, c0 + 1);
        float v10 = at(x, base, h, w, r0 + 1, c0);
        float v11 = at(x, base, h, w, r0 + 1, c0 + 1);
        float top = v00 + fc * (v01 - v00);
        float bottom = v10 + fc * (v11 - v10);
        return top + fr * (bottom - top);
    }

    private static float at(float[] x, int base, int h, int w, int r, int c) {
        if (r < 0 || c < 0 || r >= h || c >= w) {
            return 0f;
        }
        return x[base + r * w + c];
    }

    /**
     * Inverse-maps every output pixel through a 2x2 matrix about the image centre plus a
     * translation, in (column, row) coordinates: {@code src = centre + M (dst - centre) + t}, with
     * bilinear interpolation and zero fill.
     */
    static float[] warp(
            float[] x,
            int channels,
            int h,
            int w,
            double m00,
            double m01,
            double m10,
            double m11,
            double tCol,
            double tRow) {
        float[] out = new float[x.length];
        double cc = (w - 1) / 2.0;
        double cr = (h - 1) / 2.0;
        for (int r = 0; r < h; r++) {
            double dr = r - cr;
            for (int c = 0; c < w; c++) {
                double dc = c - cc;
                double srcCol = cc + m00 * dc + m01 * dr + tCol;
                double srcRow = cr + m10 * dc + m11 * dr + tRow;
                for (int ch = 0; ch < channels; ch++) {
                    int base = ch * h * w;
                    out[base + r * w + c] = sample(x, base, h, w, srcRow, srcCol, false);
                }
            }
        }
        return out;
    }
}
