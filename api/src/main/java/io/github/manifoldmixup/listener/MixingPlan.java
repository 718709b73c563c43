/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

/**
 * The host-side draws for one mixed forward pass.
 *
 * @param strategyIndex the index of the strategy among the choices
 * @param pointIndex the index of the mixing point in the eligible set
 * @param lambdas the mixing coefficients in {@code [0, 1]}: one, or one per example
 * @param seed the seed of the strategy's own draws (box positions, for instance)
 */
record MixingPlan(int strategyIndex, int pointIndex, float[] lambdas, long seed) {}
