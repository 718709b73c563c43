/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.io.Serializable;

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
     * Measures batch after batch with the scores of this package's evaluators: a count of correct
     * predictions (as DJL's {@code Accuracy} counts them), {@link ExactSum exact} sums of NLL and
     * Brier scores, and the reliability bins of the ECE. The summary of all batches equals {@link
     * #of} on their concatenation, and accumulators filled on shards of a data set and {@link
     * #merge merged} in any order equal one that saw every batch. Serializable, so that shards can
     * be measured in other processes. Not thread-safe.
     */
    public static final class Accumulator implements Serializable {

        private static final long serialVersionUID = 1L;
        private static final NegativeLogLikelihood NLL = new NegativeLogLikelihood();
        private static final BrierScore BRIER = new BrierScore();

        private long correct;
        private long count;
        private final ExactSum nll = new ExactSum();
        private final ExactSum brier = new ExactSum();
        private final Reliability reliability =
                new Reliability(ExpectedCalibrationError.DEFAULT_BINS);

        /** Creates an accumulator that has seen no batch. */
        public Accumulator() {}

        /**
         * Adds a batch.
         *
         * @param logits (B, classes)
         * @param labels (B) or (B, 1) class indices
         */
        public void update(NDArray logits, NDArray labels) {
            NDArray truth = labels.flatten();
            ClassProbabilities probabilities =
                    ClassProbabilities.of(new NDList(truth), new NDList(logits), true);
            correct +=
                    logits.argMax(1)
                            .toType(DataType.INT64, false)
                            .eq(truth.toType(DataType.INT64, false))
                            .countNonzero()
                            .getLong();
            count += probabilities.size();
            for (int i = 0; i < probabilities.size(); i++) {
                nll.add(NLL.score(probabilities, i));
                brier.add(BRIER.score(probabilities, i));
            }
            reliability.add(probabilities);
        }

        /**
         * Adds everything another accumulator has seen; the other is unchanged.
         *
         * @param other the accumulator to add
         */
        public void merge(Accumulator other) {
            correct += other.correct;
            count += other.count;
            nll.add(other.nll);
            brier.add(other.brier);
            reliability.merge(other.reliability);
        }

        /**
         * Returns how many examples were added.
         *
         * @return the count
         */
        public long count() {
            return count;
        }

        /**
         * Returns the figures over every batch added.
         *
         * @return the summary, NaN figures if no example was added
         */
        public CalibrationSummary summary() {
            return new CalibrationSummary(
                    count == 0 ? Float.NaN : (float) correct / count,
                    (float) (nll.value() / count),
                    (float) reliability.expectedError(),
                    (float) (brier.value() / count),
                    reliability.copy());
        }
    }
}
