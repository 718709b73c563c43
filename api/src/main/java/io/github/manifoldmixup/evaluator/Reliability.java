/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

/**
 * Per-bin statistics of confidence and correctness over equal-width confidence bins: the data of a
 * reliability diagram and of the {@link ExpectedCalibrationError}. Bin {@code b} (0-based) of
 * {@code M} holds confidences in {@code (b/M, (b+1)/M]}; a confidence of exactly 0 falls in bin 0.
 * Thread-safe.
 */
public final class Reliability {

    private final long[] counts;
    private final double[] confidenceSums;
    private final double[] correctSums;

    /**
     * Creates empty bins.
     *
     * @param bins the number of equal-width bins
     */
    public Reliability(int bins) {
        counts = new long[bins];
        confidenceSums = new double[bins];
        correctSums = new double[bins];
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
     * @param correct whether the predicted class is the true one
     */
    public synchronized void add(double confidence, boolean correct) {
        int bin = (int) Math.ceil(confidence * counts.length) - 1;
        bin = Math.max(0, Math.min(counts.length - 1, bin));
        counts[bin]++;
        confidenceSums[bin] += confidence;
        correctSums[bin] += correct ? 1 : 0;
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
        return counts[bin] == 0 ? Double.NaN : confidenceSums[bin] / counts[bin];
    }

    /**
     * Returns the accuracy of a bin.
     *
     * @param bin the 0-based bin
     * @return the fraction of correct predictions, {@code NaN} for an empty bin
     */
    public synchronized double accuracy(int bin) {
        return counts[bin] == 0 ? Double.NaN : correctSums[bin] / counts[bin];
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
            weighted += Math.abs(correctSums[b] - confidenceSums[b]);
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    synchronized Reliability copy() {
        Reliability copy = new Reliability(counts.length);
        System.arraycopy(counts, 0, copy.counts, 0, counts.length);
        System.arraycopy(confidenceSums, 0, copy.confidenceSums, 0, counts.length);
        System.arraycopy(correctSums, 0, copy.correctSums, 0, counts.length);
        return copy;
    }
}
