/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.random.RandomGenerator;

/**
 * What one forward pass mixes with: drawn by the listener, consumed by a {@link MixupStrategy}.
 *
 * @param layer the name of the mixing point ({@code "input"} or a child path such as {@code
 *     "04ParallelBlock"})
 * @param lambdas the mixing coefficients, drawn from {@code Beta(alpha, alpha)}: one for the batch,
 *     or one per example (row {@code i} gets {@code lambdas[i]})
 * @param permutation the partner of each example: an {@code int64} array of shape {@code (B)} on
 *     the activation's device; row {@code i} is mixed with row {@code permutation[i]}
 * @param manager the manager to create arrays with: on the activation's device (which need not be
 *     the device of the activation's own manager, as after {@code Batch.split}), and closed with
 *     the batch
 * @param random a generator for the strategy's own host-side draws (box positions, for instance),
 *     seeded from the listener's seed for this forward pass and confined to it
 */
public record MixingContext(
        String layer,
        float[] lambdas,
        NDArray permutation,
        NDManager manager,
        RandomGenerator random) {

    /**
     * Returns whether every example has its own coefficient.
     *
     * @return {@code true} in per-example ({@code ELEM}) mode
     */
    public boolean perExample() {
        return lambdas.length > 1;
    }

    /**
     * Returns the batch's coefficient.
     *
     * @return the single coefficient
     * @throws IllegalStateException in per-example mode, where {@link #lambdas()} or {@link
     *     #lambdaArray()} apply
     */
    public float lambda() {
        if (perExample()) {
            throw new IllegalStateException(
                    "This batch has one lambda per example: read lambdas() or lambdaArray().");
        }
        return lambdas[0];
    }

    /**
     * Uploads the coefficients to the activation's device.
     *
     * @return a scalar array for one coefficient per batch, else an array of shape {@code (B)}
     */
    public NDArray lambdaArray() {
        return perExample() ? manager.create(lambdas) : manager.create(lambdas[0]);
    }
}
