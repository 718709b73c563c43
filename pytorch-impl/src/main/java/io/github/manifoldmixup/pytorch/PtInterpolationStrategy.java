/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
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
 * <p>Computed as {@code h[p] + lambda * (h - h[p])} on the activation's device: {@code lambda} is
 * uploaded once as a scalar tensor (which also serves as the target weight), and nothing is read
 * back to the host, so on CUDA the step stays asynchronous. The partner rows are gathered with
 * {@code torch.gather} along the batch axis of the flattened state, with the permutation expanded
 * (a view, no copy) to the state's shape. Its backward pass is a parallel scatter-add, where the
 * backward pass of advanced indexing ({@code h[p]}) accumulates serially on the CPU: on a (128, 16,
 * 28, 28) state the gather's backward takes about a third of the time (see docs/benchmarks.md).
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
        Shape shape = hidden.getShape();
        long batch = shape.get(0);
        NDArray flat = hidden.reshape(batch, -1);
        NDArray rows = context.permutation().reshape(batch, 1).broadcast(flat.getShape());
        NDArray partner = flat.gather(rows, 0);
        // in place on our own intermediate only: no backward pass reads it
        NDArray mixed = flat.sub(partner).muli(weight).addi(partner).reshape(shape);
        return new MixedState(mixed, weight);
    }
}
