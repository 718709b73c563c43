/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Corrupts every image of a {@code (B, C, H, W)} batch, or one {@code (C, H, W)} image, with a
 * {@link Corruption}. Image {@code i} of a batch uses a seed derived from {@code (seed, firstIndex
 * + i)}, so a data set corrupted in batches of any size, in any order, gives the same images.
 */
public final class Corruptions {

    private Corruptions() {}

    /**
     * Corrupts a batch.
     *
     * @param batch a {@code (B, C, H, W)} batch or a {@code (C, H, W)} image, values in {@code [0,
     *     1]} (others are clipped), of any numeric data type; left unchanged
     * @param corruption the corruption
     * @param severity the severity, 1 to {@link Corruption#SEVERITIES}
     * @param seed the seed of the data set's corruption
     * @param firstIndex the index in the data set of the batch's first image (0 for a single image)
     * @return a new FLOAT32 array of the same shape in {@code batch.getManager()}, values in {@code
     *     [0, 1]}
     * @throws IllegalArgumentException if the batch is not 3-D or 4-D, or the severity is invalid
     * @throws NullPointerException if the batch or the corruption is null
     */
    public static NDArray apply(
            NDArray batch, Corruption corruption, int severity, long seed, long firstIndex) {
        Objects.requireNonNull(batch, "batch must not be null");
        Objects.requireNonNull(corruption, "corruption must not be null");
        Corruption.checkSeverity(severity);
        Shape shape = batch.getShape();
        int images = imageCount(shape, "batch");
        int channels = (int) shape.get(shape.dimension() - 3);
        int height = (int) shape.get(shape.dimension() - 2);
        int width = (int) shape.get(shape.dimension() - 1);
        float[] data = floats(batch);
        int size = channels * height * width;
        float[] out = new float[data.length];
        float[] image = new float[size];
        for (int i = 0; i < images; i++) {
            System.arraycopy(data, i * size, image, 0, size);
            float[] corrupted =
                    corruption.apply(
                            image,
                            channels,
                            height,
                            width,
                            severity,
                            imageSeed(seed, firstIndex + i));
            System.arraycopy(corrupted, 0, out, i * size, size);
        }
        return batch.getManager().create(out, shape);
    }

    /** The number of images of a 3-D (one) or 4-D shape; rejects other shapes. */
    static int imageCount(Shape shape, String what) {
        if (shape.dimension() == 3) {
            return 1;
        }
        if (shape.dimension() == 4) {
            return (int) shape.get(0);
        }
        throw new IllegalArgumentException(
                "The "
                        + what
                        + " must be 4-D (batch, channels, height, width) or 3-D (channels, height,"
                        + " width), channels first, got shape "
                        + shape
                        + "; add or remove a batch axis (expandDims(0) / squeeze(0)) or transpose"
                        + " channels-last images");
    }

    /** The array's values as FLOAT32 on the host, without leaving a converted copy alive. */
    static float[] floats(NDArray array) {
        if (array.getDataType() == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        try (NDArray converted = array.toType(DataType.FLOAT32, true)) {
            return converted.toFloatArray();
        }
    }

    /** The seed of the image at {@code index} of a data set corrupted with {@code seed}. */
    static long imageSeed(long seed, long index) {
        return mix(seed ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
