/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.ood;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Generated out-of-distribution images in [0, 1], the same for the same seed: uniform noise, and
 * Gaussian noise of mean 0.5 and standard deviation {@value #GAUSSIAN_STD} clipped to [0, 1].
 * Labels are all 0 (they are ignored).
 */
public final class NoiseImages {

    /** The standard deviation of the Gaussian noise. */
    public static final float GAUSSIAN_STD = 0.25f;

    private NoiseImages() {}

    /**
     * Returns images of uniform noise in [0, 1].
     *
     * @param manager the manager of the images
     * @param count how many
     * @param imageShape the shape of one image, for example (1, 28, 28)
     * @param seed the seed
     * @param batchSize the batch size of the data set
     * @return the images as an unshuffled data set
     */
    public static ArrayDataset uniform(
            NDManager manager, int count, Shape imageShape, long seed, int batchSize) {
        SplittableRandom random = new SplittableRandom(seed);
        return dataset(manager, count, imageShape, batchSize, random::nextDouble);
    }

    /**
     * Returns images of Gaussian noise, mean 0.5 and standard deviation {@value #GAUSSIAN_STD},
     * clipped to [0, 1].
     *
     * @param manager the manager of the images
     * @param count how many
     * @param imageShape the shape of one image, for example (1, 28, 28)
     * @param seed the seed
     * @param batchSize the batch size of the data set
     * @return the images as an unshuffled data set
     */
    public static ArrayDataset gaussian(
            NDManager manager, int count, Shape imageShape, long seed, int batchSize) {
        Random random = new Random(seed);
        return dataset(
                manager,
                count,
                imageShape,
                batchSize,
                () -> (float) Math.min(1, Math.max(0, 0.5 + GAUSSIAN_STD * random.nextGaussian())));
    }

    private static ArrayDataset dataset(
            NDManager manager, int count, Shape imageShape, int batchSize, DoubleSupplier pixel) {
        if (count < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "Noise images need a positive count and batch size, got "
                            + count
                            + " and "
                            + batchSize);
        }
        float[] pixels = new float[Math.toIntExact(count * imageShape.size())];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) pixel.getAsDouble();
        }
        Shape shape = new Shape(count).addAll(imageShape);
        return new ArrayDataset.Builder()
                .setData(manager.create(pixels, shape))
                .optLabels(manager.zeros(new Shape(count)))
                .setSampling(batchSize, false)
                .build();
    }
}
