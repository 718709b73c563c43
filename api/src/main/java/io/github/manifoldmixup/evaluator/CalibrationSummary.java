/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
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
        Accumulator accumulator = new Accumulator();
        accumulator.update(logits, labels);
        return accumulator.summary();
    }

    /**
     * Measures batch after batch: DJL's {@link Accuracy} and this package's evaluators, each
     * accumulating counts and sums, so that the summary of all batches equals {@link #of} on their
     * concatenation.
     */
    public static final class Accumulator {

        private static final String KEY = "summary";

        private final Accuracy accuracy = new Accuracy();
        private final NegativeLogLikelihood nll = new NegativeLogLikelihood();
        private final ExpectedCalibrationError ece = new ExpectedCalibrationError();
        private final BrierScore brier = new BrierScore();
        private final List<Evaluator> evaluators = List.of(accuracy, nll, ece, brier);

        /** Creates an accumulator that has seen no batch. */
        public Accumulator() {
            evaluators.forEach(evaluator -> evaluator.addAccumulator(KEY));
        }

        /**
         * Adds a batch.
         *
         * @param logits (B, classes)
         * @param labels (B) or (B, 1) class indices
         */
        public void update(NDArray logits, NDArray labels) {
            NDList predictions = new NDList(logits);
            NDList truth = new NDList(labels.flatten());
            evaluators.forEach(evaluator -> evaluator.updateAccumulator(KEY, truth, predictions));
        }

        /**
         * Returns the figures over every batch added.
         *
         * @return the summary
         */
        public CalibrationSummary summary() {
            return new CalibrationSummary(
                    accuracy.getAccumulator(KEY),
                    nll.getAccumulator(KEY),
                    ece.getAccumulator(KEY),
                    brier.getAccumulator(KEY),
                    ece.getReliability(KEY));
        }
    }
}
