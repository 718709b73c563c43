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
 * <p>Point {@code i} of class {@code c} lies at angle {@code t = turns * 2 pi * u} (with {@code u}
 * uniform in [0, 1]) and radius {@code t / (turns * 2 pi)}, rotated by {@code pi} for class 1, plus
 * Gaussian noise of standard deviation {@code noise}.
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
     * Generates a balanced, shuffled sample as a dataset of {@code (2)} float32 features and scalar
     * float32 labels (0 or 1).
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
