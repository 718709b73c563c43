/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDList;
import ai.djl.training.evaluator.Evaluator;

/**
 * An evaluator of the class probabilities of each batch: reads them once per update (softmax of
 * logits, or the probabilities as given) and hands them to every key's accumulator.
 */
abstract class ProbabilityEvaluator extends Evaluator {

    private final boolean fromLogits;

    /**
     * Creates the evaluator.
     *
     * @param name the name shown in training logs
     * @param fromLogits {@code true} if predictions are logits, {@code false} for probabilities
     */
    ProbabilityEvaluator(String name, boolean fromLogits) {
        super(name);
        this.fromLogits = fromLogits;
    }

    /** Reads a batch's class probabilities as this evaluator is configured to. */
    final ClassProbabilities probabilities(NDList labels, NDList predictions) {
        return ClassProbabilities.of(labels, predictions, fromLogits);
    }

    /**
     * Adds a batch's probabilities to the accumulators of the keys.
     *
     * @param keys the accumulators' keys
     * @param probabilities the batch's class probabilities
     */
    abstract void accumulate(String[] keys, ClassProbabilities probabilities);

    /** {@inheritDoc} */
    @Override
    public final void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    /** {@inheritDoc} */
    @Override
    public final void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        accumulate(keys, probabilities(labels, predictions));
    }
}
