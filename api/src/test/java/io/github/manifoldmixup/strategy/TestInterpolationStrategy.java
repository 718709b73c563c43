package io.github.manifoldmixup.strategy;

import ai.djl.ndarray.NDArray;

/** A user-style strategy registered in this module's test resources. */
public final class TestInterpolationStrategy implements MixupStrategy {

    @Override
    public String getName() {
        return "test-interpolation";
    }

    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        NDArray partner = hidden.get(context.permutation());
        NDArray mixed = hidden.mul(context.lambda()).add(partner.mul(1 - context.lambda()));
        return new MixedState(mixed, context.manager().create(context.lambda()));
    }
}
