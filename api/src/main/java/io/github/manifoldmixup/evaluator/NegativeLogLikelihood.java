/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

/**
 * Negative log-likelihood of the true class, averaged over examples:
 *
 * <pre>
 *     NLL = -(1/N) sum_i log p_i[y_i]
 * </pre>
 *
 * <p>Lower is better; it punishes confident mistakes without bound. Probabilities are clamped at
 * {@code 1e-12} so that a probability of zero gives a large finite value.
 */
public final class NegativeLogLikelihood extends PerExampleMean {

    private static final double FLOOR = 1e-12;

    /** Creates the metric, named {@code "NLL"}, on logits. */
    public NegativeLogLikelihood() {
        this("NLL", true);
    }

    /**
     * Creates the metric.
     *
     * @param name the name shown in training logs
     * @param fromLogits {@code true} if predictions are logits, {@code false} for probabilities
     */
    public NegativeLogLikelihood(String name, boolean fromLogits) {
        super(name, fromLogits);
    }

    @Override
    double score(ClassProbabilities probabilities, int example) {
        int label = probabilities.labels()[example];
        return -Math.log(Math.max(FLOOR, probabilities.probability(example, label)));
    }
}
