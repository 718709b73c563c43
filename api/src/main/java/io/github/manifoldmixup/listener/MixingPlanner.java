/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.StrategyChoice;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws, for each training batch, whether it is mixed and how: the strategy (by weight), the mixing
 * point (uniformly), the coefficients {@code lambda ~ Beta(a, a)} (one per batch or one per
 * example, optionally folded to {@code max(lambda, 1 - lambda)}) and a seed for the strategy's own
 * draws. {@code a} is the strategy's alpha times the schedule's value for the epoch.
 *
 * <p>Draws happen on the host from one seeded generator, so the same seed gives the same sequence
 * of choices. The PyTorch engine has no Beta sampler, and a few scalars per batch cost nothing on
 * the host. Safe to call from several threads; with parallel callers the order in which they
 * receive the draws is theirs.
 */
final class MixingPlanner {

    private final MixupOptions options;
    private final double weightSum;
    private final int pointCount;
    private final UniformRandomProvider random;

    /**
     * Creates a planner.
     *
     * @param options the listener's configuration, already checked
     * @param pointCount the number of eligible mixing points, at least one
     */
    MixingPlanner(MixupOptions options, int pointCount) {
        if (pointCount < 1) {
            throw new IllegalArgumentException("At least one mixing point is needed.");
        }
        this.options = options;
        this.pointCount = pointCount;
        weightSum = options.choices().stream().mapToDouble(StrategyChoice::weight).sum();
        random = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
    }

    /**
     * Returns the alpha a strategy draws with in an epoch: its alpha times the schedule's value.
     *
     * @param strategyIndex the index of the strategy among the choices
     * @param epoch the 0-based epoch
     * @return the alpha, 0 when the schedule turns mixing off
     * @throws IllegalArgumentException if the schedule's value for the epoch is outside {@code [0,
     *     1]}
     */
    float alpha(int strategyIndex, int epoch) {
        float factor = options.alphaSchedule().getNewValue(epoch);
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException(
                    "The alpha schedule returned the factor "
                            + factor
                            + " for epoch "
                            + epoch
                            + "; a factor must be in [0, 1] (alpha is multiplied by it). Check the"
                            + " Tracker given to optAlphaSchedule(...).");
        }
        return options.choices().get(strategyIndex).alpha() * factor;
    }

    /**
     * Draws the plan of the next batch.
     *
     * @param batchSize the number of examples, at least 2
     * @param epoch the 0-based epoch
     * @return the plan, or empty if this batch is not mixed (past the off epoch, not drawn with the
     *     mixing probability, or alpha scheduled to 0)
     */
    synchronized Optional<MixingPlan> next(int batchSize, int epoch) {
        if (epoch >= options.offEpoch()) {
            return Optional.empty();
        }
        float probability = options.probability();
        if (probability < 1 && random.nextDouble() >= probability) {
            return Optional.empty();
        }
        int strategy = drawStrategy();
        float alpha = alpha(strategy, epoch);
        if (!(alpha > 0)) {
            return Optional.empty();
        }
        int point = random.nextInt(pointCount);
        ContinuousSampler beta = ChengBetaSampler.of(random, alpha, alpha);
        float[] lambdas = new float[options.lambdaMode() == LambdaMode.ELEM ? batchSize : 1];
        for (int i = 0; i < lambdas.length; i++) {
            float lambda = (float) beta.sample();
            lambdas[i] = options.foldLambda() ? Math.max(lambda, 1 - lambda) : lambda;
        }
        return Optional.of(new MixingPlan(strategy, point, lambdas, random.nextLong()));
    }

    private int drawStrategy() {
        List<StrategyChoice> choices = options.choices();
        if (choices.size() == 1) {
            return 0;
        }
        double u = random.nextDouble() * weightSum;
        for (int i = 0; i < choices.size() - 1; i++) {
            u -= choices.get(i).weight();
            if (u < 0) {
                return i;
            }
        }
        return choices.size() - 1;
    }
}
