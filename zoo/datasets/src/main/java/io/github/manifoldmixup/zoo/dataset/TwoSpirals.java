/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;

/**
 * The two-spirals toy problem of the Manifold Mixup paper's Figure 1: two interleaved spirals in
 * the plane, one per class, generated on the fly (nothing to download).
 *
 * <p>Point {@code i} (from 0) has class {@code c = i % 2}, so the classes alternate. It draws
 * {@code u} uniform in [0, 1) and lies on its spiral at parameter {@code t = turns * 2 pi *
 * sqrt(u)}, radius {@code r = t / (turns * 2 pi)} (that is, {@code sqrt(u)}: fewer points near the
 * centre than a uniform radius would give) and angle {@code t + c * pi}: {@code (r cos(t + c pi), r
 * sin(t + c pi))}. Each coordinate then gets its own Gaussian noise of standard deviation {@code
 * noise}. The draws come from one {@link Random} of the seed, in the order {@code u}, the noise of
 * x, the noise of y, point after point.
 */
public final class TwoSpirals {

    private final double turns;
    private final double noise;

    /**
     * Creates a generator.
     *
     * @param turns how many full turns each spiral makes, positive
     * @param noise the standard deviation of the Gaussian noise added to each coordinate
     */
    public TwoSpirals(double turns, double noise) {
        if (!(turns > 0) || !(noise >= 0)) {
            throw new IllegalArgumentException(
                    "turns must be positive and noise non-negative, got " + turns + ", " + noise);
        }
        this.turns = turns;
        this.noise = noise;
    }

    /**
     * Generates a sample as a dataset of {@code (2)} float32 features and scalar float32 labels (0
     * or 1), in the order of the formula above: the classes alternate, so they are balanced (class
     * 0 has one point more when {@code size} is odd). The order of the batches is {@code
     * shuffle}'s.
     *
     * @param manager the manager of the arrays
     * @param size the number of points
     * @param batchSize the batch size of the dataset
     * @param shuffle whether the dataset shuffles each epoch
     * @param seed the seed of the points
     * @return the dataset
     */
    public ArrayDataset generate(
            NDManager manager, int size, int batchSize, boolean shuffle, long seed) {
        Random random = new Random(seed);
        float[] points = new float[size * 2];
        float[] labels = new float[size];
        for (int i = 0; i < size; i++) {
            int label = i % 2;
            double t = turns * 2 * Math.PI * Math.sqrt(random.nextDouble());
            double radius = t / (turns * 2 * Math.PI);
            double angle = t + label * Math.PI;
            points[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            points[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
            labels[i] = label;
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(points, new Shape(size, 2)))
                .optLabels(manager.create(labels))
                .setSampling(batchSize, shuffle)
                .build();
    }
}
