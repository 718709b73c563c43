/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * The partner rows {@code h[p]} of a batch, and the checks every PyTorch strategy shares.
 *
 * <p>The rows are gathered with {@code torch.gather} along the batch axis of the flattened state,
 * with the permutation expanded (a view, no copy) to the state's shape: its backward pass is a
 * parallel scatter-add, where the backward pass of advanced indexing ({@code h[p]}) accumulates
 * serially on the CPU, about three times slower on a (128, 16, 28, 28) state (see
 * docs/benchmarks.md).
 */
final class PartnerRows {

    private PartnerRows() {}

    /** Returns {@code hidden[permutation]}, the same shape as {@code hidden}. */
    static NDArray of(NDArray hidden, NDArray permutation) {
        long batch = hidden.getShape().get(0);
        NDArray flat = hidden.reshape(batch, -1);
        NDArray rows = permutation.reshape(batch, 1).broadcast(flat.getShape());
        return flat.gather(rows, 0).reshape(hidden.getShape());
    }

    /** Whether the engine is PyTorch. */
    static boolean isPyTorch(Engine engine) {
        return PtEngine.ENGINE_NAME.equals(engine.getEngineName());
    }

    /** Fails clearly on an array of another engine. */
    static void requirePyTorch(String strategy, NDArray hidden) {
        if (!(hidden instanceof PtNDArray)) {
            throw new IllegalArgumentException(
                    "The '"
                            + strategy
                            + "' strategy of manifold-mixup-pytorch mixes PyTorch tensors, got an"
                            + " array of the "
                            + hidden.getManager().getEngine().getEngineName()
                            + " engine.");
        }
    }

    /** Fails clearly, when training starts, on a hidden state that is not NCHW. */
    static void requireFeatureMaps(String strategy, String layer, Shape shape) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(
                    "The '"
                            + strategy
                            + "' strategy works on NCHW feature maps, but mixing point '"
                            + layer
                            + "' outputs "
                            + shape
                            + ". Mix that point with 'mixup', or choose the input or a"
                            + " convolutional layer of an image network.");
        }
    }
}
