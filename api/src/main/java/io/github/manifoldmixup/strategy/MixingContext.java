/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * What one forward pass mixes with: drawn by the listener, consumed by a {@link MixupStrategy}.
 *
 * @param point the name of the mixing point ({@code "input"} or a child path such as {@code
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
        String point,
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
     * Uploads the coefficients to the activation's device, in the form a target weight takes.
     *
     * @return a scalar array for one coefficient per batch, else an array of shape {@code (B)}
     */
    public NDArray lambdaArray() {
        return perExample() ? manager.create(lambdas) : manager.create(lambdas[0]);
    }

    /**
     * Returns the coefficients shaped to multiply a hidden state directly, in either lambda mode:
     * {@code lambdaFor(h).mul(h)} scales row {@code i} by its coefficient.
     *
     * @param hidden the hidden state, batch axis first
     * @return a scalar array for one coefficient per batch, else an array of shape {@code (B, 1,
     *     ..., 1)} with as many axes as {@code hidden}
     */
    public NDArray lambdaFor(NDArray hidden) {
        return alongBatch(lambdaArray(), hidden);
    }

    /**
     * Shapes per-example values (a target weight, a mask) to broadcast along the batch axis of a
     * hidden state: a scalar stays a scalar, an array of shape {@code (B)} becomes {@code (B, 1,
     * ..., 1)}.
     *
     * @param values a scalar array, or one value per example
     * @param hidden the hidden state, batch axis first
     * @return {@code values}, reshaped to broadcast against {@code hidden}
     */
    public static NDArray alongBatch(NDArray values, NDArray hidden) {
        int axes = hidden.getShape().dimension();
        if (values.getShape().dimension() == 0 || axes <= 1) {
            return values;
        }
        long[] shape = new long[axes];
        Arrays.fill(shape, 1);
        shape[0] = -1;
        return values.reshape(shape);
    }
}
