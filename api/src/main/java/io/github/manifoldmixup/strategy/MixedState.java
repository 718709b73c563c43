/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;

/**
 * The result of a {@link MixupStrategy}: mixed hidden states and the weight of the original
 * targets.
 *
 * @param hidden the mixed hidden states, the same shape as the input of the strategy
 * @param targetWeight the weight {@code w} of the original targets (the permuted ones get {@code 1
 *     - w}): a scalar array for one weight per batch, or an array of shape {@code (B)} for one
 *     weight per example; on the activation's device
 */
public record MixedState(NDArray hidden, NDArray targetWeight) {}
