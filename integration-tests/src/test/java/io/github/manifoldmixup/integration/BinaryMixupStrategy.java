package io.github.manifoldmixup.integration;

import ai.djl.ndarray.NDArray;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategy;

/**
 * A user's own rule, registered in this module's {@code META-INF/services}: each batch keeps its
 * own hidden states when {@code lambda >= 0.5} and takes its partners' otherwise, with a hard
 * target weight of 1 or 0.
 */
public final class BinaryMixupStrategy implements MixupStrategy {

    @Override
    public String getName() {
        return "binary-mixup";
    }

    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        NDArray weight = context.manager().create(context.lambda() >= 0.5f ? 1f : 0f);
        NDArray partner = hidden.get(context.permutation());
        return new MixedState(partner.add(hidden.sub(partner).mul(weight)), weight);
    }
}
