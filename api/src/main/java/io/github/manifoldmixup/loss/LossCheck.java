/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A check that runs on a training forward pass once its loss is known, without evaluating the loss
 * again: the listener's non-finite check is one.
 *
 * <p>A forward pass asks for it with a marker, one named array at the end of its predictions (after
 * the {@link MixingRecord}), whose name is {@link #MARKER_PREFIX} followed by the key the check was
 * {@link MixupLoss#addCheck added} under, a colon and an identifier of the forward pass. {@link
 * MixupLoss#evaluate} computes the loss, removes the marker from the prediction list (so that a
 * second evaluation of the same predictions, by a loss evaluator, checks nothing again) and calls
 * the check. Like the record, the marker travels with its own forward pass, so parallel forwards of
 * several device splits never see each other's.
 */
@FunctionalInterface
public interface LossCheck {

    /** The start of a marker's name. */
    String MARKER_PREFIX = "manifoldmixup.check:";

    /**
     * Checks one forward pass; may throw to stop training before any parameter changes.
     *
     * @param marker the marker array of the forward pass, whose name identifies it
     * @param loss the loss just computed
     * @param labels the labels
     * @param outputs the block's own outputs, without record and marker
     */
    void check(NDArray marker, NDArray loss, NDList labels, NDList outputs);

    /**
     * Returns where the marker of a prediction list stands.
     *
     * @param predictions the prediction list of a forward pass
     * @return the index of the marker, or -1 if there is none
     */
    static int markerIndex(NDList predictions) {
        for (int i = predictions.size() - 1; i > 0; i--) {
            String name = predictions.get(i).getName();
            if (name != null && name.startsWith(MARKER_PREFIX)) {
                return i;
            }
        }
        return -1;
    }
}
