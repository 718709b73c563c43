/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.transform;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/** Applies a per-example operation on an {@code (N, C, H, W)} batch to a single image too. */
final class ImageBatches {

    private ImageBatches() {}

    /**
     * Applies {@code perBatch} to a batch, or to a single {@code (C, H, W)} image as a batch of
     * one.
     *
     * @param images an {@code (N, C, H, W)} batch or a {@code (C, H, W)} image
     * @param perBatch the operation on a batch
     * @return the result, with the dimensions of {@code images}
     * @throws IllegalArgumentException if {@code images} is neither
     */
    static NDArray apply(NDArray images, UnaryOperator<NDArray> perBatch) {
        int dimensions = images.getShape().dimension();
        if (dimensions == 4) {
            return perBatch.apply(images);
        }
        if (dimensions == 3) {
            return perBatch.apply(images.expandDims(0)).squeeze(0);
        }
        throw new IllegalArgumentException(
                "Expected a (C, H, W) image or an (N, C, H, W) batch, got shape "
                        + images.getShape()
                        + ": put this transform after ToTensor.");
    }
}
