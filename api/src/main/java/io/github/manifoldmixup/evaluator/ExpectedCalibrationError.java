/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expected calibration error over equal-width confidence bins (Naeini et al. 2015; Guo et al.
 * 2017):
 *
 * <pre>
 *     ECE = sum_b (n_b / N) |accuracy_b - confidence_b|
 * </pre>
 *
 * <p>where the confidence of an example is its largest class probability, bin {@code b} of {@code
 * M} holds the examples with confidence in {@code ((b - 1)/M, b/M]}, and {@code accuracy_b} and
 * {@code confidence_b} are the mean correctness and mean confidence of its {@code n_b} examples.
 * Empty bins contribute nothing. 0 is perfect calibration. The sign of {@code accuracy_b -
 * confidence_b}, available per bin from {@link #getReliability(String)}, tells over-confidence
 * (negative) from under-confidence (positive).
 */
public final class ExpectedCalibrationError extends ProbabilityEvaluator {

    /** The bin count used by default, as in Guo et al. 2017. */
    public static final int DEFAULT_BINS = 15;

    private final int bins;
    private final Map<String, Reliability> accumulators = new ConcurrentHashMap<>();

    /** Creates the metric, named {@code "ECE"}, with 15 bins, on logits. */
    public ExpectedCalibrationError() {
        this("ECE", DEFAULT_BINS, true);
    }

    /**
     * Creates the metric.
     *
     * @param name the name shown in training logs
     * @param bins the number of equal-width confidence bins, at least 1
     * @param fromLogits {@code true} if predictions are logits, {@code false} for probabilities
     */
    public ExpectedCalibrationError(String name, int bins, boolean fromLogits) {
        super(name, fromLogits);
        if (bins < 1) {
            throw new IllegalArgumentException("ECE needs at least one bin, got " + bins);
        }
        this.bins = bins;
    }

    /**
     * Returns the ECE of one batch.
     *
     * @param labels class indices, shape {@code (B)}
     * @param predictions {@code head()} of shape {@code (B, C)}
     * @return a scalar array on the predictions' manager
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        Reliability reliability = new Reliability(bins);
        reliability.add(probabilities(labels, predictions));
        return predictions.head().getManager().create((float) reliability.expectedError());
    }

    /** {@inheritDoc} */
    @Override
    public void addAccumulator(String key) {
        totalInstances.put(key, 0L);
        accumulators.put(key, new Reliability(bins));
    }

    @Override
    void accumulate(String[] keys, ClassProbabilities probabilities) {
        for (String key : keys) {
            accumulators.get(key).add(probabilities);
            totalInstances.compute(key, (k, v) -> v + probabilities.size());
        }
    }

    /** {@inheritDoc} */
    @Override
    public void resetAccumulator(String key) {
        addAccumulator(key);
    }

    /**
     * Returns the ECE of the examples seen under the key.
     *
     * @param key the accumulator's key
     * @return the ECE, {@code NaN} if no example was seen
     */
    @Override
    public float getAccumulator(String key) {
        return (float) accumulators.get(key).expectedError();
    }

    /**
     * Returns a copy of the per-bin counts, mean confidences and accuracies seen under the key: the
     * data of a reliability diagram.
     *
     * @param key the accumulator's key
     * @return the bins
     */
    public Reliability getReliability(String key) {
        return accumulators.get(key).copy();
    }
}
