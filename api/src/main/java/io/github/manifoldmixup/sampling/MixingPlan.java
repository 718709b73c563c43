/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.sampling;

/**
 * The host-side draws for one mixed forward pass.
 *
 * @param pointIndex the index of the mixing point in the eligible set
 * @param lambda the mixing coefficient, in {@code [0, 1]}
 */
public record MixingPlan(int pointIndex, float lambda) {}
