/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;
import java.util.Objects;

/**
 * A DJL {@link Transform} that corrupts a {@code (C, H, W)} float image in {@code [0, 1]}, that is
 * after {@code ToTensor}, in a data pipeline. It is deterministic: its randomness is derived from
 * the seed and a hash of the image's shape and content, so the same image always gets the same
 * corruption whatever the order or thread. A {@code (B, C, H, W)} batch is accepted too; each image
 * is then hashed on its own. Thread-safe.
 */
public final class CorruptionTransform implements Transform {

    private final Corruption corruption;
    private final int severity;
    private final long seed;

    /**
     * Creates the transform.
     *
     * @param corruption the corruption
     * @param severity the severity, 1 to {@link Corruption#SEVERITIES}
     * @param seed the seed, mixed with each image's content hash
     * @throws IllegalArgumentException if the severity is invalid
     * @throws NullPointerException if the corruption is null
     */
    public CorruptionTransform(Corruption corruption, int severity, long seed) {
        this.corruption = Objects.requireNonNull(corruption, "corruption must not be null");
        Corruption.checkSeverity(severity);
        this.severity = severity;
        this.seed = seed;
    }

    /**
     * Corrupts the image.
     *
     * @param array a {@code (C, H, W)} image (or {@code (B, C, H, W)} batch) in {@code [0, 1]}
     * @return a new FLOAT32 array of the same shape in the input's manager
     * @throws IllegalArgumentException if the array is not 3-D or 4-D
     */
    @Override
    public NDArray transform(NDArray array) {
        Objects.requireNonNull(array, "array must not be null");
        Shape shape = array.getShape();
        int images = Corruptions.imageCount(shape, "image");
        int channels = (int) shape.get(shape.dimension() - 3);
        int height = (int) shape.get(shape.dimension() - 2);
        int width = (int) shape.get(shape.dimension() - 1);
        int size = channels * height * width;
        float[] data = Corruptions.floats(array);
        float[] out = new float[data.length];
        float[] image = new float[size];
        for (int i = 0; i < images; i++) {
            System.arraycopy(data, i * size, image, 0, size);
            long imageSeed = Corruptions.mix(seed ^ contentHash(image, channels, height, width));
            float[] corrupted =
                    corruption.apply(image, channels, height, width, severity, imageSeed);
            System.arraycopy(corrupted, 0, out, i * size, size);
        }
        return array.getManager().create(out, shape);
    }

    /** A 64-bit hash of the shape and the exact bits of every value. */
    static long contentHash(float[] image, int channels, int height, int width) {
        long h = Corruptions.mix(((long) channels << 42) ^ ((long) height << 21) ^ width);
        for (float v : image) {
            h = Corruptions.mix(h ^ Float.floatToIntBits(v)) + 0x9E3779B97F4A7C15L;
        }
        return h;
    }

    /**
     * Returns a description for logs.
     *
     * @return the corruption id and severity
     */
    @Override
    public String toString() {
        return "CorruptionTransform(" + corruption.id() + ", severity " + severity + ")";
    }
}
