/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;

/**
 * Mirrors each image left to right with probability 1/2, independently per example.
 *
 * <p>Works on {@code (C, H, W)} images and on {@code (N, C, H, W)} batches (place it after {@code
 * ToTensor}): DJL applies an {@code ArrayDataset}'s pipeline to whole batches, so a transform that
 * draws one coin per call would flip all or none of a batch. The coins come from the engine's
 * generator on the batch's device ({@code Engine.getInstance().setRandomSeed(seed)} repeats them).
 */
public final class RandomHorizontalFlip implements Transform {

    /** Creates the transform. */
    public RandomHorizontalFlip() {}

    /** {@inheritDoc} */
    @Override
    public NDArray transform(NDArray array) {
        return ImageBatches.apply(array, RandomHorizontalFlip::flip);
    }

    private static NDArray flip(NDArray batch) {
        Shape coins = new Shape(batch.getShape().get(0), 1, 1, 1);
        NDArray flipped =
                batch.getManager()
                        .randomUniform(0f, 1f, coins)
                        .lt(0.5f)
                        .broadcast(batch.getShape());
        return NDArrays.where(flipped, batch.flip(3), batch);
    }
}
