/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An evaluator that averages a score of each example's class probabilities over all examples seen
 * since the accumulator was reset, summed {@link ExactSum exactly}: the common part of {@link
 * NegativeLogLikelihood} and {@link BrierScore}.
 */
abstract class PerExampleMean extends ProbabilityEvaluator {

    private final Map<String, ExactSum> sums = new ConcurrentHashMap<>();

    /**
     * Creates the evaluator.
     *
     * @param name the name shown in training logs
     * @param fromLogits {@code true} if predictions are logits (softmax is applied), {@code false}
     *     if they are probabilities
     */
    protected PerExampleMean(String name, boolean fromLogits) {
        super(name, fromLogits);
    }

    /**
     * Returns the score of one example.
     *
     * @param probabilities the batch's probabilities
     * @param example the example's row
     * @return its score
     */
    abstract double score(ClassProbabilities probabilities, int example);

    /**
     * Returns the score of each example.
     *
     * @param labels class indices, shape {@code (B)}
     * @param predictions {@code head()} of shape {@code (B, C)}
     * @return the scores, shape {@code (B)}, on the predictions' manager
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        ClassProbabilities probabilities = probabilities(labels, predictions);
        float[] scores = new float[probabilities.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) score(probabilities, i);
        }
        return predictions.head().getManager().create(scores);
    }

    /** {@inheritDoc} */
    @Override
    public void addAccumulator(String key) {
        totalInstances.put(key, 0L);
        sums.put(key, new ExactSum());
    }

    @Override
    void accumulate(String[] keys, ClassProbabilities probabilities) {
        ExactSum batch = new ExactSum();
        for (int i = 0; i < probabilities.size(); i++) {
            batch.add(score(probabilities, i));
        }
        for (String key : keys) {
            totalInstances.compute(key, (k, v) -> v + probabilities.size());
            ExactSum sum = sums.get(key);
            synchronized (sum) {
                sum.add(batch);
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public void resetAccumulator(String key) {
        addAccumulator(key);
    }

    /**
     * Returns the mean score of the examples seen under the key.
     *
     * @param key the accumulator's key
     * @return the mean, {@code NaN} if no example was seen
     */
    @Override
    public float getAccumulator(String key) {
        Long total = totalInstances.get(key);
        if (total == null || total == 0) {
            return Float.NaN;
        }
        ExactSum sum = sums.get(key);
        synchronized (sum) {
            return (float) (sum.value() / total);
        }
    }
}
