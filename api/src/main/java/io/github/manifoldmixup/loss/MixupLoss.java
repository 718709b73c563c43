/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Objects;
import java.util.Optional;

/**
 * A loss that trains against mixed targets: it wraps any DJL {@link Loss}.
 *
 * <p>For a mixed forward pass with target weight {@code w} and permutation {@code p} (read from the
 * {@link MixingRecord} at the end of the predictions):
 *
 * <pre>
 *     L_mix = w * L(y, f) + (1 - w) * L(y[p], f)
 * </pre>
 *
 * <p>For cross-entropy, sparse or dense (soft) labels, this equals the loss against the mixed
 * target {@code w * y + (1 - w) * y[p]}, since cross-entropy is linear in the target. For other
 * losses (an L2 regression loss, say) it is the interpolation of the two losses, as in the paper. A
 * per-example weight of shape {@code (B)} needs a wrapped loss that returns one value per example.
 * Without a record (validation, inference, a batch of one) the wrapped loss is returned unchanged,
 * so the same configuration serves training and validation.
 *
 * <p>The loss keeps the wrapped loss's name, so training logs read as before; the value they show
 * during training is the mixed loss.
 */
public final class MixupLoss extends Loss {

    private final Loss loss;

    private MixupLoss(Loss loss) {
        super(loss.getName());
        this.loss = loss;
    }

    /**
     * Wraps a loss so that it trains against mixed targets.
     *
     * @param loss the loss on unmixed targets, for example {@code Loss.softmaxCrossEntropyLoss()}
     * @return the mixup-aware loss; {@code loss} itself if it is already a {@code MixupLoss}
     */
    public static MixupLoss wrap(Loss loss) {
        Objects.requireNonNull(loss, "loss");
        return loss instanceof MixupLoss mixupLoss ? mixupLoss : new MixupLoss(loss);
    }

    /**
     * Returns the wrapped loss.
     *
     * @return the loss on unmixed targets
     */
    public Loss getWrappedLoss() {
        return loss;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        Optional<MixingRecord> found = MixingRecord.find(predictions);
        if (found.isEmpty()) {
            return loss.evaluate(labels, predictions);
        }
        MixingRecord record = found.get();
        NDList outputs = MixingRecord.strip(predictions);
        NDArray permutation = record.permutation();
        NDList partnerLabels = new NDList(labels.size());
        for (NDArray label : labels) {
            partnerLabels.add(label.get(permutation));
        }
        NDArray own = loss.evaluate(labels, outputs);
        NDArray partner = loss.evaluate(partnerLabels, outputs);
        NDArray weight = record.targetWeight();
        if (weight.getShape().dimension() > 0 && own.getShape().dimension() == 0) {
            throw new IllegalArgumentException(
                    "The mixing strategy gave one target weight per example, but "
                            + loss.getName()
                            + " returns a single value per batch, so the weights cannot be applied"
                            + " per example. Use one lambda per batch, or wrap a loss that returns"
                            + " one value per example.");
        }
        // w * own + (1 - w) * partner, written with no constant array
        return partner.add(own.sub(partner).mul(weight));
    }
}
