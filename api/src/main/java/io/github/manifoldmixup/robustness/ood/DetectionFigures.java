/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.ood;

/**
 * The figures of an out-of-distribution detector: AUROC, the two average precisions and the false
 * positive rate at 95% true positive rate, exact ({@link #of}) or from elsewhere, for example Spark
 * MLlib's binned metrics.
 *
 * @param auroc the area under the ROC curve (in-distribution positive)
 * @param auprIn the average precision with the in-distribution images positive
 * @param auprOut the average precision with the out-of-distribution images positive
 * @param fpr95 the share of out-of-distribution images accepted at 95% true positive rate
 */
public record DetectionFigures(double auroc, double auprIn, double auprOut, double fpr95) {

    /**
     * Returns the exact figures of the scores an accumulator holds.
     *
     * @param scores in-distribution and out-of-distribution scores
     * @return the figures
     * @throws IllegalStateException if either side has no scores
     */
    public static DetectionFigures of(DetectionAccumulator scores) {
        return new DetectionFigures(
                scores.auroc(), scores.auprIn(), scores.auprOut(), scores.fpr95());
    }
}
