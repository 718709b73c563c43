/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Class probabilities and sparse labels of one batch, copied to the host: what the calibration
 * metrics read. Predictions are {@code predictions.head()} of shape {@code (B, C)}: logits by
 * default, or probabilities; labels are {@code labels.head()}, class indices of shape {@code (B)}.
 *
 * @param probabilities row-major {@code (B, C)} probabilities
 * @param labels the class index of each example
 * @param classes the number of classes {@code C}
 */
record ClassProbabilities(float[] probabilities, int[] labels, int classes) {

    static ClassProbabilities of(NDList labels, NDList predictions, boolean fromLogits) {
        NDArray scores = predictions.head();
        if (scores.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "Calibration metrics need predictions of shape (batch, classes), got "
                            + scores.getShape());
        }
        NDArray probabilities = fromLogits ? scores.softmax(1) : scores;
        int[] classes = labels.head().toType(DataType.INT32, false).reshape(-1).toIntArray();
        int batch = (int) scores.getShape().get(0);
        if (classes.length != batch) {
            throw new IllegalArgumentException(
                    "Calibration metrics need one class index per example: "
                            + classes.length
                            + " labels for "
                            + batch
                            + " predictions");
        }
        return new ClassProbabilities(
                probabilities.toType(DataType.FLOAT32, false).toFloatArray(),
                classes,
                (int) scores.getShape().get(1));
    }

    int size() {
        return labels.length;
    }

    float probability(int example, int label) {
        return probabilities[example * classes + label];
    }

    /** The predicted class: the first of the most probable ones. */
    int predicted(int example) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probability(example, c) > probability(example, best)) {
                best = c;
            }
        }
        return best;
    }
}
