/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loss that trains against mixed targets; the listener requires one.
 *
 * <p>A mixed forward pass carries a {@link MixingRecord} (target weight {@code w} and permutation
 * {@code p}) at the end of its predictions; the loss reads it, removes it and trains against {@code
 * w * y + (1 - w) * y[p]}. Without a record (validation, inference, an unmixed batch) it is the
 * plain loss, so the same configuration serves training and validation. Two kinds:
 *
 * <ul>
 *   <li>{@link #wrap(Loss)}: any DJL loss, with one weight per batch: {@code w * L(y) + (1 - w) *
 *       L(y[p])}.
 *   <li>{@link SoftTargetLoss}: soft-target cross-entropy (or the paper's binary cross-entropy on
 *       softmax outputs) with label smoothing; takes one weight per example too.
 * </ul>
 */
public abstract class MixupLoss extends Loss {

    private final Map<String, LossCheck> checks = new ConcurrentHashMap<>();

    /**
     * Creates a mixup-aware loss.
     *
     * @param name the name shown in training logs
     */
    protected MixupLoss(String name) {
        super(name);
    }

    /**
     * Wraps a loss so that it trains against mixed targets.
     *
     * <p>For a mixed batch it returns {@code w * L(y, f) + (1 - w) * L(y[p], f)}. For
     * cross-entropy, sparse or dense (soft) labels, this equals the loss against the mixed target,
     * since cross-entropy is linear in the target; for other losses (an L2 regression loss, say) it
     * is the interpolation of the two losses, as in the paper. A per-example weight needs a wrapped
     * loss that returns one value per example. The wrapped loss's name is kept, so logs read as
     * before; during training the logged value is the mixed loss.
     *
     * @param loss the loss on unmixed targets, for example {@code Loss.softmaxCrossEntropyLoss()}
     * @return the mixup-aware loss; {@code loss} itself if it is already a {@code MixupLoss}
     */
    public static MixupLoss wrap(Loss loss) {
        Objects.requireNonNull(loss, "loss");
        return loss instanceof MixupLoss mixupLoss ? mixupLoss : new WrappedMixupLoss(loss);
    }

    /**
     * Returns whether this loss applies one target weight per example (needed by {@code ELEM}
     * lambda mode, PatchUp and per-example CutMix). The listener checks it when training starts.
     *
     * @return {@code true} if per-example weights are applied
     */
    public abstract boolean supportsPerExampleWeights();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a label array does not have one row per example (batch
     *     axis first), mixed batch or not
     */
    @Override
    public final NDArray evaluate(NDList labels, NDList predictions) {
        int marker = LossCheck.markerIndex(predictions);
        NDList carried = marker < 0 ? predictions : new NDList(predictions.subList(0, marker));
        Optional<MixingRecord> record = MixingRecord.find(carried);
        NDList outputs = record.isEmpty() ? carried : MixingRecord.strip(carried);
        requireOneRowPerExample(labels, outputs.head().getShape());
        NDArray loss =
                record.isEmpty()
                        ? evaluateUnmixed(labels, outputs)
                        : evaluateMixed(labels, outputs, record.get());
        if (marker >= 0) {
            NDArray array = predictions.get(marker);
            predictions.subList(marker, predictions.size()).clear();
            String key = array.getName().substring(LossCheck.MARKER_PREFIX.length());
            LossCheck check = checks.get(key.substring(0, Math.max(0, key.indexOf(':'))));
            if (check != null) {
                check.check(array, loss, labels, outputs);
            }
        }
        return loss;
    }

    /**
     * Adds a check that runs on every forward pass whose predictions carry a marker with the key
     * (see {@link LossCheck}), right after its loss is computed.
     *
     * @param key a key without a colon, unique to the caller
     * @param check the check
     * @throws IllegalStateException if a check is already registered under the key
     */
    public final void addCheck(String key, LossCheck check) {
        if (key.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A check's key has no colon, got '" + key + "'");
        }
        if (checks.putIfAbsent(key, check) != null) {
            throw new IllegalStateException("A loss check is already registered as '" + key + "'");
        }
    }

    /**
     * Removes the check registered under a key, if any.
     *
     * @param key the key it was added with
     */
    public final void removeCheck(String key) {
        checks.remove(key);
    }

    /** Mixing pairs label rows by the permutation, so each label array needs the batch axis. */
    private static void requireOneRowPerExample(NDList labels, Shape predictions) {
        if (predictions.dimension() == 0) {
            return;
        }
        long batch = predictions.get(0);
        for (int i = 0; i < labels.size(); i++) {
            Shape shape = labels.get(i).getShape();
            if (shape.dimension() == 0 || shape.get(0) != batch) {
                throw new IllegalArgumentException(
                        "Label array "
                                + i
                                + " has shape "
                                + shape
                                + ", but the predictions are for "
                                + batch
                                + " examples "
                                + predictions
                                + ". Labels need one row per example, batch axis first, as"
                                + " DJL's datasets give them.");
            }
        }
    }

    /**
     * Returns the loss of an unmixed forward pass.
     *
     * @param labels the labels
     * @param predictions the block's outputs
     * @return the loss
     */
    protected abstract NDArray evaluateUnmixed(NDList labels, NDList predictions);

    /**
     * Returns the loss of a mixed forward pass.
     *
     * @param labels the labels of the unpermuted batch
     * @param predictions the block's outputs, without the record
     * @param record the target weight and permutation of the forward pass
     * @return the loss
     */
    protected abstract NDArray evaluateMixed(
            NDList labels, NDList predictions, MixingRecord record);

    /**
     * Returns the labels of each example's partner.
     *
     * @param labels the labels, batch axis first
     * @param permutation the partner index of each example
     * @return {@code labels[p]}
     */
    protected static NDList partnerLabels(NDList labels, NDArray permutation) {
        NDList partners = new NDList(labels.size());
        for (NDArray label : labels) {
            partners.add(label.get(permutation));
        }
        return partners;
    }
}
