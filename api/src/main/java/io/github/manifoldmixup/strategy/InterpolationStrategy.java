/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;

/**
 * The interpolation of the paper, named {@code "mixup"}, for every engine:
 *
 * <pre>
 *     mixed = lambda * h + (1 - lambda) * h[p]        target weight = lambda
 * </pre>
 *
 * <p>With one {@code lambda} per example ({@code ELEM} mode) row {@code i} uses {@code lambda_i}
 * and the target weights are per example. Works on hidden states of any shape, with the engine's
 * own indexing ({@code h[p]}); nothing is read back to the host. On PyTorch, {@code
 * manifold-mixup-pytorch} supplies a faster version under the same name, which {@link
 * MixupStrategy#replaces() replaces} this one there.
 */
public final class InterpolationStrategy implements MixupStrategy {

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return MixupStrategies.DEFAULT;
    }

    /** {@inheritDoc} */
    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        NDArray weight = context.lambdaArray();
        NDArray partner = hidden.get(context.permutation());
        NDArray mixed =
                partner.add(hidden.sub(partner).mul(MixingContext.alongBatch(weight, hidden)));
        return new MixedState(mixed, weight);
    }
}
