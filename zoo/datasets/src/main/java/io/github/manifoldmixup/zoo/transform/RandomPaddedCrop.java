/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;

/**
 * Pads each image with zeros on all four sides and crops a window of the original size at a random
 * position, independently per example: a random translation by up to {@code padding} pixels in each
 * direction, the standard augmentation of the CIFAR ResNets (padding 4 on 32x32, 2 on 28x28).
 *
 * <p>Works on {@code (C, H, W)} images and on {@code (N, C, H, W)} batches (place it after {@code
 * ToTensor}, so the padding is black). The offsets come from the engine's generator on the batch's
 * device, and the crop is one gather, with no copy to the host.
 */
public final class RandomPaddedCrop implements Transform {

    private final int padding;

    /**
     * Creates the transform.
     *
     * @param padding the zero padding on each side, which is the largest shift, positive
     */
    public RandomPaddedCrop(int padding) {
        if (padding < 1) {
            throw new IllegalArgumentException(
                    "The padding of a random crop must be at least 1 pixel, got " + padding + ".");
        }
        this.padding = padding;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray transform(NDArray array) {
        return ImageBatches.apply(array, this::crop);
    }

    private NDArray crop(NDArray batch) {
        Shape shape = batch.getShape();
        long examples = shape.get(0);
        long channels = shape.get(1);
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        long paddedWidth = width + 2L * padding;
        NDManager manager = batch.getManager();
        NDArray padded =
                batch.pad(new Shape(padding, padding, padding, padding), 0)
                        .reshape(examples, channels, -1);
        // flat index of window pixel (i, j) in the padded image when the window's corner is (0, 0)
        NDArray window =
                manager.arange(0, height, 1, DataType.INT64)
                        .mul(paddedWidth)
                        .reshape(height, 1)
                        .add(manager.arange(0, width, 1, DataType.INT64).reshape(1, width))
                        .reshape(1, 1, (long) height * width);
        Shape corners = new Shape(examples, 1, 1);
        NDArray rows = manager.randomInteger(0, 2L * padding + 1, corners, DataType.INT64);
        NDArray columns = manager.randomInteger(0, 2L * padding + 1, corners, DataType.INT64);
        NDArray index =
                window.add(rows.mul(paddedWidth).add(columns))
                        .broadcast(examples, channels, (long) height * width);
        return padded.gather(index, 2).reshape(shape);
    }
}
