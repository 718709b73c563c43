/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.ood;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact, mergeable accumulator of in-distribution and out-of-distribution (OOD) scores, where
 * higher scores mean "more in-distribution", and the detection figures computed from them.
 *
 * <p>It keeps one pair of counts (in, out) per distinct score value, so memory grows with the
 * number of distinct scores, not of examples, and tied scores form one threshold, as in
 * scikit-learn's {@code roc_auc_score} and {@code average_precision_score}. Accumulators filled on
 * separate shards and {@link #merge merged} hold exactly the same counts as one filled in a single
 * pass, so they give exactly the same figures. {@code -0.0} counts as {@code 0.0}; infinite scores
 * are allowed, NaN scores are rejected. Serializable, so that shards can be scored in other
 * processes. Not thread-safe.
 *
 * <p>At a threshold {@code t} an input is accepted as in-distribution when its score is {@code >=
 * t}; the true positive rate (TPR) is the share of in-distribution inputs accepted, the false
 * positive rate (FPR) the share of OOD inputs accepted.
 */
public final class DetectionAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int IN = 0;
    private static final int OUT = 1;

    /** Distinct score value to its counts {in, out}. */
    private final TreeMap<Float, long[]> counts = new TreeMap<>();

    private long inCount;
    private long outCount;

    /** Creates an empty accumulator. */
    public DetectionAccumulator() {}

    /**
     * Adds scores of in-distribution inputs.
     *
     * @param scores any number of scores, none NaN
     * @throws IllegalArgumentException if a score is NaN (then none is added)
     */
    public void addInDistribution(float[] scores) {
        add(scores, IN);
    }

    /**
     * Adds scores of out-of-distribution inputs.
     *
     * @param scores any number of scores, none NaN
     * @throws IllegalArgumentException if a score is NaN (then none is added)
     */
    public void addOutOfDistribution(float[] scores) {
        add(scores, OUT);
    }

    private void add(float[] scores, int side) {
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException(
                        "Score "
                                + i
                                + " of the "
                                + (side == IN ? "in-distribution" : "out-of-distribution")
                                + " scores is NaN; a detector score must be a number");
            }
        }
        for (float score : scores) {
            increment(score, side, 1);
        }
        if (side == IN) {
            inCount += scores.length;
        } else {
            outCount += scores.length;
        }
    }

    private void increment(float score, int side, long by) {
        // -0.0f + 0.0f is 0.0f: one key for both zeros, which Float.compareTo would tell apart
        counts.computeIfAbsent(score + 0.0f, k -> new long[2])[side] += by;
    }

    /**
     * Adds all the scores of another accumulator to this one; the other is unchanged.
     *
     * @param other the accumulator to add, may be this one (doubling every count)
     */
    public void merge(DetectionAccumulator other) {
        List<Map.Entry<Float, long[]>> entries = new ArrayList<>();
        for (Map.Entry<Float, long[]> entry : other.counts.entrySet()) {
            entries.add(Map.entry(entry.getKey(), entry.getValue().clone()));
        }
        long in = other.inCount;
        long out = other.outCount;
        for (Map.Entry<Float, long[]> entry : entries) {
            increment(entry.getKey(), IN, entry.getValue()[IN]);
            increment(entry.getKey(), OUT, entry.getValue()[OUT]);
        }
        inCount += in;
        outCount += out;
    }

    /** Receives the counts of one distinct score value. */
    @FunctionalInterface
    public interface ScoreCounts {

        /**
         * Receives a score value and how often each side has it.
         *
         * @param score the value
         * @param in how many in-distribution inputs have it
         * @param out how many out-of-distribution inputs have it
         */
        void accept(float score, long in, long out);
    }

    /**
     * Hands every distinct score value and its counts, from the lowest value up, to a consumer: the
     * weighted scores that binned metrics (for example Spark MLlib's) can take.
     *
     * @param consumer receives each value
     */
    public void forEachScore(ScoreCounts consumer) {
        counts.forEach((score, c) -> consumer.accept(score, c[IN], c[OUT]));
    }

    /**
     * Returns the number of in-distribution scores.
     *
     * @return the count
     */
    public long inCount() {
        return inCount;
    }

    /**
     * Returns the number of out-of-distribution scores.
     *
     * @return the count
     */
    public long outCount() {
        return outCount;
    }

    /**
     * Returns the number of distinct score values held.
     *
     * @return the count
     */
    public int distinctScores() {
        return counts.size();
    }

    /**
     * Returns the area under the ROC curve, {@code P(s_in > s_out) + 0.5 P(s_in == s_out)} over all
     * pairs of an in-distribution and an OOD score (the trapezoidal area over the distinct
     * thresholds).
     *
     * @return in {@code [0, 1]}; 0.5 for a detector that cannot tell the two apart
     * @throws IllegalStateException if either side has no scores
     */
    public double auroc() {
        requireBoth("AUROC");
        // twice the number of winning pairs, ties counting one each
        double twiceWins = 0;
        long outBelow = 0;
        for (long[] c : counts.values()) {
            twiceWins += (double) c[IN] * (2 * outBelow + c[OUT]);
            outBelow += c[OUT];
        }
        return twiceWins / 2 / ((double) inCount * outCount);
    }

    /**
     * Returns the average precision with in-distribution as the positive class and the score as is:
     * {@code sum_n (R_n - R_(n-1)) P_n} over the distinct thresholds from high to low, with {@code
     * R_n} and {@code P_n} the recall and precision of accepting scores {@code >=} the n-th
     * threshold.
     *
     * @return in {@code (0, 1]}
     * @throws IllegalStateException if either side has no scores
     */
    public double auprIn() {
        requireBoth("AUPR-In");
        double sum = 0;
        long truePositives = 0;
        long accepted = 0;
        for (long[] c : counts.descendingMap().values()) {
            truePositives += c[IN];
            accepted += c[IN] + c[OUT];
            if (c[IN] > 0) {
                sum += (double) c[IN] / inCount * ((double) truePositives / accepted);
            }
        }
        return sum;
    }

    /**
     * Returns the average precision with OOD as the positive class and the score negated: as {@link
     * #auprIn()} with the distinct thresholds taken from low to high, flagging scores {@code <=}
     * each as OOD.
     *
     * @return in {@code (0, 1]}
     * @throws IllegalStateException if either side has no scores
     */
    public double auprOut() {
        requireBoth("AUPR-Out");
        double sum = 0;
        long truePositives = 0;
        long flagged = 0;
        for (long[] c : counts.values()) {
            truePositives += c[OUT];
            flagged += c[IN] + c[OUT];
            if (c[OUT] > 0) {
                sum += (double) c[OUT] / outCount * ((double) truePositives / flagged);
            }
        }
        return sum;
    }

    /**
     * Returns the false positive rate at the highest distinct threshold whose true positive rate
     * reaches {@code tpr}: the share of OOD scores {@code >= t} for the largest score value {@code
     * t} with {@code (in-distribution scores >= t) / inCount >= tpr}.
     *
     * @param tpr the true positive rate to reach, in {@code (0, 1]}
     * @return the false positive rate, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code tpr} is not in {@code (0, 1]}
     * @throws IllegalStateException if either side has no scores
     */
    public double fprAtTpr(double tpr) {
        if (!(tpr > 0 && tpr <= 1)) {
            throw new IllegalArgumentException("The TPR must be in (0, 1], got " + tpr);
        }
        requireBoth("FPR at TPR " + tpr);
        long inAccepted = 0;
        long outAccepted = 0;
        for (long[] c : counts.descendingMap().values()) {
            inAccepted += c[IN];
            outAccepted += c[OUT];
            if ((double) inAccepted / inCount >= tpr) {
                break;
            }
        }
        return (double) outAccepted / outCount;
    }

    /**
     * Returns the false positive rate at 95% true positive rate, {@code fprAtTpr(0.95)}.
     *
     * @return in {@code [0, 1]}, lower is better
     * @throws IllegalStateException if either side has no scores
     */
    public double fpr95() {
        return fprAtTpr(0.95);
    }

    private void requireBoth(String figure) {
        if (inCount == 0 || outCount == 0) {
            throw new IllegalStateException(
                    figure
                            + " needs both in-distribution and out-of-distribution scores, got "
                            + inCount
                            + " in-distribution and "
                            + outCount
                            + " out-of-distribution");
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DetectionAccumulator(in="
                + inCount
                + ", out="
                + outCount
                + ", distinct="
                + counts.size()
                + ")";
    }
}
