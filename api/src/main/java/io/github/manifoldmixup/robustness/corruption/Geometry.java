/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/**
 * Affine corruptions about the image centre by inverse mapping with bilinear interpolation and zero
 * fill: shear, scale, rotate and translate.
 */
final class Geometry {

    /** Shear angle in radians per severity (random sign). */
    static final double[] SHEAR = {0.2, 0.3, 0.4, 0.6, 0.8};

    /** Scale: the content shrinks to this fraction of its size per severity. */
    static final double[] SCALE = {0.9, 0.8, 0.7, 0.6, 0.5};

    /** Rotation angle in radians per severity (random sign). */
    static final double[] ROTATE = {0.2, 0.3, 0.4, 0.6, 0.8};

    /** Translation in pixels along each axis per severity (random sign per axis). */
    static final double[] TRANSLATE = {0.5, 1, 2, 3, 4};

    private Geometry() {}

    private static int sign(SplittableRandom random) {
        return random.nextBoolean() ? 1 : -1;
    }

    static float[] shear(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double a = sign(random) * SHEAR[s];
        return Pixels.warp(x, c, h, w, 1, -Math.sin(a), 0, Math.cos(a), 0, 0);
    }

    static float[] scale(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double inverse = 1 / SCALE[s];
        return Pixels.warp(x, c, h, w, inverse, 0, 0, inverse, 0, 0);
    }

    static float[] rotate(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double a = sign(random) * ROTATE[s];
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        return Pixels.warp(x, c, h, w, cos, -sin, sin, cos, 0, 0);
    }

    static float[] translate(float[] x, int c, int h, int w, int s, SplittableRandom random) {
        double dCol = sign(random) * TRANSLATE[s];
        double dRow = sign(random) * TRANSLATE[s];
        return Pixels.warp(x, c, h, w, 1, 0, 0, 1, dCol, dRow);
    }
}
