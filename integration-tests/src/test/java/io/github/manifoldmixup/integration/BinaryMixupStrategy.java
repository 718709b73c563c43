package io.github.manifoldmixup.integration;

import ai.djl.ndarray.NDArray;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategy;

/**
 * A user's own rule, registered in this module's {@code META-INF/services}, as the README writes
 * it: a row keeps its own hidden state when its {@code lambda >= 0.5} and takes its partner's
 * otherwise, with a hard target weight of 1 or 0; one lambda per batch or per example.
 */
public final class BinaryMixupStrategy implements MixupStrategy {

    @Override
    public String getName() {
        return "binary-mixup";
    }

    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        // keep a row when its lambda >= 0.5, take its partner's otherwise; hard target weights
        NDArray weight = context.lambdaArray().gte(0.5f).toType(hidden.getDataType(), false);
        NDArray partner = hidden.get(context.permutation());
        NDArray keep = MixingContext.alongBatch(weight, hidden);
        return new MixedState(partner.add(hidden.sub(partner).mul(keep)), weight);
    }
}
