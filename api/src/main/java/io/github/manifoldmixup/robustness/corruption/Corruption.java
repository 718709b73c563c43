/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The 15 corruptions of MNIST-C (Mu and Gilmer 2019) plus Gaussian noise and contrast, each at
 * {@link #SEVERITIES} severities. {@link #id()} is the snake_case name used in JSON and on the
 * command line.
 *
 * <p>Images are channels first, {@code (C, H, W)}, with values in {@code [0, 1]} (values outside
 * are clipped first; {@code NaN} may pass through), of any size and channel count. Spatial
 * corruptions apply the same operation to every channel. Randomness comes from a {@link
 * SplittableRandom} created from the seed on every call, so the same image, severity and seed
 * always give the same result, and calls are thread-safe. The parameters below are this library's;
 * "MNIST-C" names the level of the released MNIST-C data set (the default severity of its {@code
 * corruptions.py}) and which of our severities equals it. Lengths are in pixels.
 */
public enum Corruption {
    /**
     * Adds Gaussian noise of standard deviation 0.08, 0.12, 0.18, 0.26, 0.38 (MNIST-C's own
     * five-level ladder; not one of its 15 data set corruptions).
     */
    GAUSSIAN_NOISE("gaussian_noise", true, Noise::gaussian),
    /**
     * Shot noise {@code Poisson(x c) / c} with photon count {@code c} = 10, 6, 3, 2, 1. MNIST-C: c
     * = 3, our severity 3.
     */
    SHOT_NOISE("shot_noise", true, Noise::shot),
    /**
     * Salt-and-pepper noise replacing a fraction 0.05, 0.10, 0.17, 0.24, 0.30 of the values by 0 or
     * 1. MNIST-C: 0.17, our severity 3.
     */
    IMPULSE_NOISE("impulse_noise", true, Noise::impulse),
    /**
     * Gaussian blur, passes of random local pixel swaps (each pixel with probability 1/2, with one
     * up to the largest distance away along each axis), Gaussian blur again; (sigma, largest swap
     * distance, passes) = (0.7, 1, 1), (0.7, 1, 2), (0.8, 2, 2), (0.9, 2, 3), (1.1, 3, 3). MNIST-C:
     * (0.7, 1, 2), our severity 2 (a stronger blur at the same swaps lowers the change on smooth
     * images, so the blur may only grow with the swaps).
     */
    GLASS_BLUR("glass_blur", true, Blurs::glass),
    /**
     * One-sided line blur at an angle uniform in [-45, 45] degrees; (length, Gaussian fall-off
     * sigma) = (6, 1), (8, 2), (10, 3), (12, 4.5), (15, 6). MNIST-C: ImageMagick radius 10, sigma
     * 3, our severity 3.
     */
    MOTION_BLUR("motion_blur", true, Blurs::motion),
    /**
     * Horizontal shear about the centre by 0.2, 0.3, 0.4, 0.6, 0.8 radians, random direction.
     * MNIST-C: 0.4, our severity 3.
     */
    SHEAR("shear", true, Geometry::shear),
    /**
     * Shrinks the content about the centre to 0.9, 0.8, 0.7, 0.6, 0.5 of its size, zero fill.
     * MNIST-C: 0.7, our severity 3. Deterministic.
     */
    SCALE("scale", false, Geometry::scale),
    /**
     * Rotates about the centre by 0.2, 0.3, 0.4, 0.6, 0.8 radians, random direction. MNIST-C: 0.4
     * (about 23 degrees), our severity 3.
     */
    ROTATE("rotate", true, Geometry::rotate),
    /**
     * Adds 0.2, 0.35, 0.5, 0.65, 0.8 to every value, clipped. MNIST-C: 0.5 on the HSV value, which
     * on grayscale is the same as adding, our severity 3; on colour the addition is per channel.
     * Deterministic.
     */
    BRIGHTNESS("brightness", false, Tone::brightness),
    /**
     * Scales the distance to the per-image, per-channel mean by 0.4, 0.3, 0.2, 0.1, 0.05 (MNIST-C's
     * own ladder; not one of its 15 data set corruptions). Deterministic.
     */
    CONTRAST("contrast", false, Tone::contrast),
    /**
     * Shifts by 0.5, 1, 2, 3, 4 pixels along each axis (bilinear for the half pixel), random
     * direction per axis, zero fill. MNIST-C: 3, our severity 4 (on 28x28 digits the change stops
     * growing beyond about 4 pixels, once the shifted strokes no longer overlap the originals).
     */
    TRANSLATE("translate", true, Geometry::translate),
    /**
     * Inverts ({@code 1 - x}) the 2, 4, 7, 10, 12 leftmost and rightmost columns of a 28-wide image
     * (the same fraction of other widths). MNIST-C: 7 (its single level), our severity 3.
     * Deterministic.
     */
    STRIPE("stripe", false, Overlays::stripe),
    /**
     * Adds a diamond-square plasma fractal (as large as the image, toroidal, in [0, 1]) of strength
     * 1, 2, 3, 4.5, 7 and wibble decay 2, 1.7, 1.4, 1.3, 1.2, then rescales by {@code max / (max +
     * strength)} with {@code max} the image's largest value. MNIST-C: (3, 1.4), our severity 3.
     */
    FOG("fog", true, Tone::fog),
    /**
     * Mud blobs of grey 63/255: a normal field smoothed with sigma 1, above 0.4, 0.2, 0, -0.2, -0.4
     * of its standard deviation, gives a mask, smoothed with sigma 1.5 and cleared below 0.8, that
     * blends the mud in. MNIST-C: threshold 0 (its 0.65 on noise of mean 0.65), our severity 3.
     */
    SPATTER("spatter", true, Overlays::spatter),
    /**
     * Dashed white lines (2 pixels on, 2 off) across the image between random rows; (lines, profile
     * width) = (1, 1.4), (1, 1.8), (1, 2.3), (2, 2.3), (3, 2.3). MNIST-C: one line of width 2.3
     * (its single level), our severity 3.
     */
    DOTTED_LINE("dotted_line", true, Overlays::dottedLine),
    /**
     * White zigzag lines (half period and amplitude 2) from column 2 to the third last, at a random
     * row and slope; (lines, profile width) = (1, 1.4), (1, 1.8), (1, 2.3), (2, 2.3), (3, 2.3).
     * MNIST-C: one zigzag of width 2.3 (its single level), our severity 3.
     */
    ZIGZAG("zigzag", true, Overlays::zigzag),
    /**
     * Blends each channel with its binary Canny edge map (smoothing sigma 1, hysteresis thresholds
     * 0.1 and 0.2 on the unnormalised Sobel magnitude, scikit-image's defaults): {@code (1 - a) x +
     * a edges} with {@code a} = 0.2, 0.4, 0.6, 0.8, 1. MNIST-C: the edge map itself (its single
     * level), our severity 5. Deterministic.
     */
    CANNY_EDGES("canny_edges", false, Edges::canny);

    /** The number of severities; severities run from 1 to this. */
    public static final int SEVERITIES = 5;

    private final String id;
    private final boolean random;
    private final Operation operation;

    Corruption(String id, boolean random, Operation operation) {
        this.id = id;
        this.random = random;
        this.operation = operation;
    }

    /**
     * Returns the snake_case name used in JSON and on the command line.
     *
     * @return the id, such as {@code "gaussian_noise"}
     */
    public String id() {
        return id;
    }

    /**
     * Tells whether the corruption draws random numbers; a deterministic one ignores the seed.
     *
     * @return {@code true} if the seed matters
     */
    public boolean isRandom() {
        return random;
    }

    /**
     * Returns the corruption with the id.
     *
     * @param id a snake_case id, such as {@code "motion_blur"}
     * @return the corruption
     * @throws IllegalArgumentException if no corruption has that id; the message lists them all
     */
    public static Corruption of(String id) {
        for (Corruption corruption : values()) {
            if (corruption.id.equals(id)) {
                return corruption;
            }
        }
        throw new IllegalArgumentException(
                "Unknown corruption id '"
                        + id
                        + "'; use one of: "
                        + Arrays.stream(values())
                                .map(Corruption::id)
                                .collect(Collectors.joining(", ")));
    }

    /**
     * Corrupts one image on the host.
     *
     * @param image the image, channels first, {@code channels * height * width} values in {@code
     *     [0, 1]} (others are clipped); not modified
     * @param channels the channel count, at least 1
     * @param height the height, at least 1
     * @param width the width, at least 1
     * @param severity the severity, 1 to {@link #SEVERITIES}
     * @param seed the seed of the corruption's randomness
     * @return a new array of the same length with values in {@code [0, 1]} ({@code NaN} may pass
     *     through)
     * @throws IllegalArgumentException if the severity or the shape is invalid
     * @throws NullPointerException if the image is null
     */
    public float[] apply(
            float[] image, int channels, int height, int width, int severity, long seed) {
        Objects.requireNonNull(image, "image must not be null");
        checkSeverity(severity);
        checkShape(image.length, channels, height, width);
        float[] x = Pixels.clipAll(image.clone());
        float[] out =
                operation.apply(
                        x, channels, height, width, severity - 1, new SplittableRandom(seed));
        return Pixels.clipAll(out);
    }

    static void checkSeverity(int severity) {
        if (severity < 1 || severity > SEVERITIES) {
            throw new IllegalArgumentException(
                    "Severity must be between 1 and " + SEVERITIES + ", got " + severity);
        }
    }

    private static void checkShape(int length, int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "Channels, height and width must all be at least 1, got ("
                            + channels
                            + ", "
                            + height
                            + ", "
                            + width
                            + ")");
        }
        if ((long) channels * height * width != length) {
            throw new IllegalArgumentException(
                    "The image has "
                            + length
                            + " values but channels * height * width = "
                            + channels
                            + " * "
                            + height
                            + " * "
                            + width
                            + " = "
                            + ((long) channels * height * width)
                            + "; pass the image's real (channels, height, width), channels first");
        }
    }

    /** The corruption proper on a clipped copy it may modify; {@code severity} is 0-based. */
    @FunctionalInterface
    interface Operation {
        float[] apply(
                float[] x,
                int channels,
                int height,
                int width,
                int severity,
                SplittableRandom random);
    }
}
