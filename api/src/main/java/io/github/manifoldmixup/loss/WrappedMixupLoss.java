/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Any DJL loss, made mixup-aware by interpolating the losses of both targets: {@code w * L(y, f) +
 * (1 - w) * L(y[p], f)}. Made by {@link MixupLoss#wrap(Loss)}.
 */
public final class WrappedMixupLoss extends MixupLoss {

    private final Loss loss;

    WrappedMixupLoss(Loss loss) {
        super(loss.getName());
        this.loss = loss;
    }

    /**
     * Returns the wrapped loss.
     *
     * @return the loss on unmixed targets
     */
    public Loss getWrappedLoss() {
        return loss;
    }

    /**
     * Returns {@code false}: a wrapped loss usually reduces to one value per batch. Per-example
     * weights still work when it returns one value per example; they fail with a clear message
     * otherwise.
     *
     * @return {@code false}
     */
    @Override
    public boolean supportsPerExampleWeights() {
        return false;
    }

    @Override
    protected NDArray evaluateUnmixed(NDList labels, NDList predictions) {
        return loss.evaluate(labels, predictions);
    }

    @Override
    protected NDArray evaluateMixed(NDList labels, NDList predictions, MixingRecord record) {
        NDArray own = loss.evaluate(labels, predictions);
        NDArray partner = loss.evaluate(partnerLabels(labels, record.permutation()), predictions);
        NDArray weight = record.targetWeight();
        if (weight.getShape().dimension() > 0 && own.getShape().dimension() == 0) {
            throw new IllegalArgumentException(
                    "The mixing strategy gave one target weight per example, but "
                            + loss.getName()
                            + " returns a single value per batch, so the weights cannot be applied"
                            + " per example. Use one lambda per batch, or train with"
                            + " SoftTargetLoss.crossEntropy().build().");
        }
        // w * own + (1 - w) * partner, written with no constant array
        return partner.add(own.sub(partner).mul(weight));
    }
}
