/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.manifoldmixup.metric.BrierScore;
import io.github.manifoldmixup.metric.ExpectedCalibrationError;
import io.github.manifoldmixup.metric.NegativeLogLikelihood;
import io.github.manifoldmixup.metric.Reliability;
import java.util.List;

/**
 * Accuracy and calibration of a classifier's logits: NLL, ECE (15 equal-width bins) and Brier
 * score, with the reliability bins behind the ECE.
 *
 * @param accuracy the fraction of examples whose largest logit is the label
 * @param nll the mean negative log-likelihood of the labels
 * @param ece the expected calibration error over {@value ExpectedCalibrationError#DEFAULT_BINS}
 *     bins
 * @param brier the mean Brier score
 * @param reliability the bins of the ECE, for a reliability diagram
 */
public record CalibrationSummary(
        float accuracy, float nll, float ece, float brier, Reliability reliability) {

    /**
     * Measures logits against labels.
     *
     * @param logits (N, classes)
     * @param labels (N) or (N, 1) class indices
     * @return the summary
     */
    public static CalibrationSummary of(NDArray logits, NDArray labels) {
        String key = "summary";
        NDList predictions = new NDList(logits);
        NDList truth = new NDList(labels);
        ExpectedCalibrationError ece = new ExpectedCalibrationError();
        NegativeLogLikelihood nll = new NegativeLogLikelihood();
        BrierScore brier = new BrierScore();
        for (var metric : List.of(ece, nll, brier)) {
            metric.addAccumulator(key);
            metric.updateAccumulator(key, truth, predictions);
        }
        float accuracy =
                logits.argMax(1)
                        .toType(DataType.FLOAT32, false)
                        .eq(labels.toType(DataType.FLOAT32, false).reshape(new Shape(-1)))
                        .toType(DataType.FLOAT32, false)
                        .mean()
                        .getFloat();
        return new CalibrationSummary(
                accuracy,
                nll.getAccumulator(key),
                ece.getAccumulator(key),
                brier.getAccumulator(key),
                ece.getReliability(key));
    }
}
