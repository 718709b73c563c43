/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.StrategyChoice;
import java.util.List;
import java.util.Objects;

/**
 * The listener's whole configuration, immutable and checked once, when it is made: every part of
 * the listener (layer selection, the planner, the non-finite check) reads it.
 *
 * @param choices the strategies a mixed batch is drawn from, with weights and alphas
 * @param mixingLayers the configured mixing layers; empty for the automatic choice
 * @param includeInput whether the input is a mixing candidate
 * @param seed the seed of the host-side draws
 * @param probability the probability that a batch is mixed at all
 * @param lambdaMode one coefficient per batch or per example
 * @param foldLambda whether coefficients are folded to {@code max(lambda, 1 - lambda)}
 * @param alphaSchedule the factor alpha is multiplied by, per epoch
 * @param offEpoch the first unmixed epoch
 * @param nonFiniteCheck whether training batches are checked for non-finite values
 */
record MixupOptions(
        List<StrategyChoice> choices,
        List<String> mixingLayers,
        boolean includeInput,
        long seed,
        float probability,
        LambdaMode lambdaMode,
        boolean foldLambda,
        Tracker alphaSchedule,
        int offEpoch,
        boolean nonFiniteCheck) {

    /** Checks every value; the messages say what was wrong and what is expected. */
    MixupOptions {
        choices = List.copyOf(choices);
        if (mixingLayers.contains(null)) {
            throw new IllegalArgumentException(
                    "A mixing layer name is null: "
                            + mixingLayers
                            + ". Name children of the model's SequentialBlock, such as"
                            + " \"04ParallelBlock\" or \"4\", or \"input\".");
        }
        mixingLayers = List.copyOf(mixingLayers);
        Objects.requireNonNull(lambdaMode, "lambdaMode");
        Objects.requireNonNull(alphaSchedule, "alphaSchedule");
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("At least one mixing strategy is needed.");
        }
        double sum = 0;
        for (StrategyChoice choice : choices) {
            checkAlpha(choice.alpha(), choices.size() > 1 ? choice.strategy().getName() : null);
            if (!(choice.weight() >= 0) || Float.isInfinite(choice.weight())) {
                throw new IllegalArgumentException(
                        "The weight of strategy '"
                                + choice.strategy().getName()
                                + "' must be a finite non-negative number, got "
                                + choice.weight());
            }
            sum += choice.weight();
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(
                    "The strategy weights must sum to a positive number, got " + sum + ".");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "The mixing probability must be in [0, 1], got " + probability + ".");
        }
        if (offEpoch < 0) {
            throw new IllegalArgumentException(
                    "The epoch mixing stops at must be non-negative, got " + offEpoch + ".");
        }
    }

    private static void checkAlpha(float alpha, String strategy) {
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException(
                    "alpha must be a positive finite number (lambda ~ Beta(alpha, alpha)), got "
                            + alpha
                            + (strategy == null ? "" : " for strategy '" + strategy + "'")
                            + ". The paper uses 2.0 for CIFAR and SVHN, 0.2 for Tiny-ImageNet.");
        }
    }
}
