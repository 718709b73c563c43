/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What one forward pass mixes with: drawn by the listener, consumed by a {@link MixupStrategy}.
 *
 * @param layer the name of the mixing point ({@code "input"} or a child path such as {@code
 *     "04ParallelBlock"})
 * @param lambda the mixing coefficient, drawn from {@code Beta(alpha, alpha)}
 * @param permutation the partner of each example: an {@code int64} array of shape {@code (B)} on
 *     the activation's device; row {@code i} is mixed with row {@code permutation[i]}
 * @param manager the manager to create arrays with: on the activation's device (which need not be
 *     the device of the activation's own manager, as after {@code Batch.split}), and closed with
 *     the batch
 */
public record MixingContext(String layer, float lambda, NDArray permutation, NDManager manager) {}
