/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import java.io.Serializable;

/**
 * Per-bin statistics of confidence and correctness over equal-width confidence bins: the data of a
 * reliability diagram and of the {@link ExpectedCalibrationError}. Bin {@code b} (0-based) of
 * {@code M} holds confidences in {@code (b/M, (b+1)/M]}; a confidence of exactly 0 falls in bin 0.
 * Sums are {@link ExactSum exact}, so bins filled on shards of a data set and {@link #merge merged}
 * equal the bins of the whole, figure for figure. Thread-safe.
 */
public final class Reliability implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] counts;
    private final ExactSum[] confidenceSums;
    private final long[] correct;

    /**
     * Creates empty bins.
     *
     * @param bins the number of equal-width bins
     */
    public Reliability(int bins) {
        counts = new long[bins];
        confidenceSums = new ExactSum[bins];
        for (int b = 0; b < bins; b++) {
            confidenceSums[b] = new ExactSum();
        }
        correct = new long[bins];
    }

    synchronized void add(ClassProbabilities probabilities) {
        for (int i = 0; i < probabilities.size(); i++) {
            int predicted = probabilities.predicted(i);
            double confidence = probabilities.probability(i, predicted);
            add(confidence, predicted == probabilities.labels()[i]);
        }
    }

    /**
     * Adds one prediction.
     *
     * @param confidence the probability of the predicted class, in {@code [0, 1]}
     * @param right whether the predicted class is the true one
     */
    public synchronized void add(double confidence, boolean right) {
        int bin = (int) Math.ceil(confidence * counts.length) - 1;
        bin = Math.max(0, Math.min(counts.length - 1, bin));
        counts[bin]++;
        confidenceSums[bin].add(confidence);
        if (right) {
            correct[bin]++;
        }
    }

    /**
     * Adds the bins of another reliability to these; the other is unchanged.
     *
     * @param other bins of the same number
     * @throws IllegalArgumentException if the numbers of bins differ
     */
    public void merge(Reliability other) {
        if (other.bins() != bins()) {
            throw new IllegalArgumentException(
                    "Cannot merge " + other.bins() + " reliability bins into " + bins());
        }
        Reliability copy = other.copy();
        synchronized (this) {
            for (int b = 0; b < counts.length; b++) {
                counts[b] += copy.counts[b];
                confidenceSums[b].add(copy.confidenceSums[b]);
                correct[b] += copy.correct[b];
            }
        }
    }

    /**
     * Returns the number of bins.
     *
     * @return {@code M}
     */
    public int bins() {
        return counts.length;
    }

    /**
     * Returns how many predictions fell in a bin.
     *
     * @param bin the 0-based bin
     * @return its count
     */
    public synchronized long count(int bin) {
        return counts[bin];
    }

    /**
     * Returns the mean confidence of a bin.
     *
     * @param bin the 0-based bin
     * @return the mean, {@code NaN} for an empty bin
     */
    public synchronized double meanConfidence(int bin) {
        return counts[bin] == 0 ? Double.NaN : confidenceSums[bin].value() / counts[bin];
    }

    /**
     * Returns the accuracy of a bin.
     *
     * @param bin the 0-based bin
     * @return the fraction of correct predictions, {@code NaN} for an empty bin
     */
    public synchronized double accuracy(int bin) {
        return counts[bin] == 0 ? Double.NaN : (double) correct[bin] / counts[bin];
    }

    /**
     * Returns the expected calibration error: {@code sum_b (n_b / N) |accuracy_b - confidence_b|}.
     *
     * @return the ECE, {@code NaN} if no prediction was added
     */
    public synchronized double expectedError() {
        long total = 0;
        double weighted = 0;
        for (int b = 0; b < counts.length; b++) {
            total += counts[b];
            weighted += Math.abs(correct[b] - confidenceSums[b].value());
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    synchronized Reliability copy() {
        Reliability copy = new Reliability(counts.length);
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        System.arraycopy(correct, 0, copy.correct, 0, counts.length);
        for (int b = 0; b < counts.length; b++) {
            copy.confidenceSums[b].add(confidenceSums[b]);
        }
        return copy;
    }
}
