/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

/**
 * The multi-class Brier score: the squared distance between the predicted distribution and the
 * one-hot true class, averaged over examples:
 *
 * <pre>
 *     Brier = (1/N) sum_i sum_c (p_i[c] - [c == y_i])^2
 * </pre>
 *
 * <p>Between 0 (certain and right) and 2 (certain and wrong).
 */
public final class BrierScore extends PerExampleMean {

    /** Creates the metric, named {@code "Brier"}, on logits. */
    public BrierScore() {
        this("Brier", true);
    }

    /**
     * Creates the metric.
     *
     * @param name the name shown in training logs
     * @param fromLogits {@code true} if predictions are logits, {@code false} for probabilities
     */
    public BrierScore(String name, boolean fromLogits) {
        super(name, fromLogits);
    }

    @Override
    double score(ClassProbabilities probabilities, int example) {
        int label = probabilities.labels()[example];
        double sum = 0;
        for (int c = 0; c < probabilities.classes(); c++) {
            double target = c == label ? 1 : 0;
            double difference = probabilities.probability(example, c) - target;
            sum += difference * difference;
        }
        return sum;
    }
}
