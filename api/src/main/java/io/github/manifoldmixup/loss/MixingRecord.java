/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Optional;

/**
 * How one forward pass was mixed: the target weight and the permutation, carried as two extra named
 * entries at the end of the prediction list.
 *
 * <p>Carrying the record with the predictions (rather than in shared state) keeps it with its own
 * forward call, so forwards of several device splits running in parallel cannot confuse their
 * records. Evaluators that read {@code predictions.head()} (all of DJL's do) are not affected;
 * {@link MixupLoss} removes the entries before it calls the wrapped loss.
 *
 * @param targetWeight the weight {@code w} of the original targets, a scalar or one per example
 * @param permutation the partner index of each example, {@code int64} of shape {@code (B)}
 */
public record MixingRecord(NDArray targetWeight, NDArray permutation) {

    /** The name of the target-weight entry in a prediction list. */
    public static final String WEIGHT_NAME = "manifoldmixup.targetWeight";

    /** The name of the permutation entry in a prediction list. */
    public static final String PERMUTATION_NAME = "manifoldmixup.permutation";

    /**
     * Returns a new prediction list: the given predictions followed by this record.
     *
     * @param predictions the block's outputs
     * @return the outputs and the two record entries
     */
    public NDList appendTo(NDList predictions) {
        targetWeight.setName(WEIGHT_NAME);
        permutation.setName(PERMUTATION_NAME);
        NDList list = new NDList(predictions.size() + 2);
        list.addAll(predictions);
        list.add(targetWeight);
        list.add(permutation);
        return list;
    }

    /**
     * Reads the record at the end of a prediction list, if there is one.
     *
     * @param predictions the prediction list of a forward pass
     * @return the record, or empty for an unmixed forward pass (validation, a batch of one)
     */
    public static Optional<MixingRecord> find(NDList predictions) {
        int marker = LossCheck.markerIndex(predictions);
        int size = marker < 0 ? predictions.size() : marker;
        if (size < 3
                || !WEIGHT_NAME.equals(predictions.get(size - 2).getName())
                || !PERMUTATION_NAME.equals(predictions.get(size - 1).getName())) {
            return Optional.empty();
        }
        return Optional.of(new MixingRecord(predictions.get(size - 2), predictions.get(size - 1)));
    }

    /**
     * Returns the predictions without a record, the list itself if it carries none.
     *
     * @param predictions the prediction list of a forward pass
     * @return the block's own outputs, without the record and a {@link LossCheck} marker
     */
    public static NDList strip(NDList predictions) {
        int marker = LossCheck.markerIndex(predictions);
        int size = marker < 0 ? predictions.size() : marker;
        if (find(predictions).isPresent()) {
            size -= 2;
        }
        return size == predictions.size() ? predictions : new NDList(predictions.subList(0, size));
    }
}
