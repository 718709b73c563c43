/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import io.github.manifoldmixup.strategy.InterpolationStrategy;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.strategy.MixupStrategy;
import java.util.Optional;

/**
 * The interpolation of the paper, named {@code "mixup"}, on the PyTorch engine's tensors:
 *
 * <pre>
 *     mixed = lambda * h + (1 - lambda) * h[p]        target weight = lambda
 * </pre>
 *
 * <p>With one {@code lambda} per example ({@code ELEM} mode) row {@code i} uses {@code lambda_i}
 * and the target weights are per example. Works on hidden states of any shape.
 *
 * <p>It {@link #replaces() replaces} the engine-neutral {@link InterpolationStrategy} of the same
 * name on PyTorch, where its gather is faster than advanced indexing (see {@code PartnerRows}).
 *
 * <p>Computed as {@code h[p] + lambda * (h - h[p])} on the activation's device: the coefficients
 * are uploaded once (they also serve as the target weights), and nothing is read back to the host,
 * so on CUDA the step stays asynchronous. The multiply and the add run in place on the strategy's
 * own intermediate (never on an activation, which backward passes read), which saves two
 * allocations of the state's size. Differentiable with respect to {@code h}, so gradients reach
 * every layer before the mixing point.
 */
public final class PtInterpolationStrategy implements MixupStrategy {

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return MixupStrategies.DEFAULT;
    }

    /**
     * Returns the engine-neutral {@link InterpolationStrategy}, which this one replaces on PyTorch.
     *
     * @return {@code InterpolationStrategy.class}
     */
    @Override
    public Optional<Class<? extends MixupStrategy>> replaces() {
        return Optional.of(InterpolationStrategy.class);
    }

    /** {@inheritDoc} */
    @Override
    public boolean supports(Engine engine) {
        return PartnerRows.isPyTorch(engine);
    }

    /** {@inheritDoc} */
    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        PartnerRows.requirePyTorch(getName(), hidden);
        NDArray weight = context.lambdaArray();
        NDArray perRow = MixingContext.alongBatch(weight, hidden);
        NDArray partner = PartnerRows.of(hidden, context.permutation());
        NDArray mixed = hidden.sub(partner).muli(perRow).addi(partner);
        return new MixedState(mixed, weight);
    }
}
