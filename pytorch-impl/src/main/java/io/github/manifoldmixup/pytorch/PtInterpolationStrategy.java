/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.engine.PtNDArray;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.strategy.MixupStrategy;

/**
 * The interpolation of the paper, named {@code "mixup"}, on the PyTorch engine's tensors:
 *
 * <pre>
 *     mixed = lambda * h + (1 - lambda) * h[p]        target weight = lambda
 * </pre>
 *
 * <p>Computed as {@code h[p] + lambda * (h - h[p])}: a row gather and three element-wise kernels on
 * the activation's device, with {@code lambda} uploaded once as a scalar tensor that also serves as
 * the target weight. Nothing is read back to the host, so on CUDA the step stays asynchronous.
 * Differentiable with respect to {@code h}, so gradients reach every layer before the mixing point.
 */
public final class PtInterpolationStrategy implements MixupStrategy {

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return MixupStrategies.DEFAULT;
    }

    /** {@inheritDoc} */
    @Override
    public boolean supports(Engine engine) {
        return PtEngine.ENGINE_NAME.equals(engine.getEngineName());
    }

    /** {@inheritDoc} */
    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        if (!(hidden instanceof PtNDArray)) {
            throw new IllegalArgumentException(
                    "The 'mixup' strategy of manifold-mixup-pytorch mixes PyTorch tensors, got an"
                            + " array of the "
                            + hidden.getManager().getEngine().getEngineName()
                            + " engine.");
        }
        NDArray weight = context.manager().create(context.lambda());
        NDArray partner = hidden.get(context.permutation());
        NDArray mixed = partner.add(hidden.sub(partner).mul(weight));
        return new MixedState(mixed, weight);
    }
}
