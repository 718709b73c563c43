/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.sampling;

import io.github.manifoldmixup.schedule.AlphaSchedule;
import io.github.manifoldmixup.strategy.LambdaMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws, for each training batch, whether it is mixed and how: the strategy (by weight), the mixing
 * point (uniformly), the coefficients {@code lambda ~ Beta(a, a)} (one per batch or one per
 * example, optionally folded to {@code max(lambda, 1 - lambda)}) and a seed for the strategy's own
 * draws. {@code a} is the strategy's alpha times the schedule's factor for the epoch.
 *
 * <p>Draws happen on the host from one seeded generator, so the same seed gives the same sequence
 * of choices. The PyTorch engine has no Beta sampler, and a few scalars per batch cost nothing on
 * the host. Safe to call from several threads; with parallel callers the order in which they
 * receive the draws is theirs.
 */
public final class MixingPlanner {

    private final List<StrategyChoice> choices;
    private final double weightSum;
    private final int pointCount;
    private final float probability;
    private final LambdaMode lambdaMode;
    private final boolean foldLambda;
    private final AlphaSchedule schedule;
    private final int offEpoch;
    private final UniformRandomProvider random;

    private MixingPlanner(Builder builder) {
        choices = List.copyOf(builder.choices);
        weightSum = choices.stream().mapToDouble(StrategyChoice::weight).sum();
        pointCount = builder.pointCount;
        probability = builder.probability;
        lambdaMode = builder.lambdaMode;
        foldLambda = builder.foldLambda;
        schedule = builder.schedule;
        offEpoch = builder.offEpoch;
        random = RandomSource.XO_RO_SHI_RO_128_PP.create(builder.seed);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the alpha a strategy draws with in an epoch: its alpha times the schedule's factor.
     *
     * @param strategyIndex the index of the strategy among the choices
     * @param epoch the 0-based epoch
     * @return the alpha, 0 when the schedule turns mixing off
     * @throws IllegalArgumentException if the schedule's factor for the epoch is outside {@code [0,
     *     1]}
     */
    public float alpha(int strategyIndex, int epoch) {
        float factor = schedule.factor(epoch);
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException(
                    "The alpha schedule returned the factor "
                            + factor
                            + " for epoch "
                            + epoch
                            + "; a factor must be in [0, 1] (alpha is multiplied by it). Check the"
                            + " AlphaSchedule given to optAlphaSchedule(...).");
        }
        return choices.get(strategyIndex).alpha() * factor;
    }

    /**
     * Draws the plan of the next batch.
     *
     * @param batchSize the number of examples, at least 2
     * @param epoch the 0-based epoch
     * @return the plan, or empty if this batch is not mixed (past the off epoch, not drawn with the
     *     mixing probability, or alpha scheduled to 0)
     */
    public synchronized Optional<MixingPlan> next(int batchSize, int epoch) {
        if (epoch >= offEpoch) {
            return Optional.empty();
        }
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
        float[] lambdas = new float[lambdaMode == LambdaMode.ELEM ? batchSize : 1];
        for (int i = 0; i < lambdas.length; i++) {
            float lambda = (float) beta.sample();
            lambdas[i] = foldLambda ? Math.max(lambda, 1 - lambda) : lambda;
        }
        return Optional.of(new MixingPlan(strategy, point, lambdas, random.nextLong()));
    }

    private int drawStrategy() {
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

    /** Configures a {@link MixingPlanner}; {@code build()} checks every value. */
    public static final class Builder {

        private List<StrategyChoice> choices;
        private int pointCount;
        private float probability = 1f;
        private LambdaMode lambdaMode = LambdaMode.BATCH;
        private boolean foldLambda;
        private AlphaSchedule schedule = AlphaSchedule.constant();
        private int offEpoch = Integer.MAX_VALUE;
        private long seed;

        private Builder() {}

        /**
         * Sets the strategies a mixed batch is drawn from.
         *
         * @param choices at least one, with non-negative weights of positive sum
         * @return this builder
         */
        public Builder setChoices(List<StrategyChoice> choices) {
            this.choices = choices;
            return this;
        }

        /**
         * Sets the number of eligible mixing points.
         *
         * @param pointCount at least one
         * @return this builder
         */
        public Builder setPointCount(int pointCount) {
            this.pointCount = pointCount;
            return this;
        }

        /**
         * Sets the probability that a batch is mixed at all.
         *
         * @param probability in {@code [0, 1]}; default 1
         * @return this builder
         */
        public Builder optProbability(float probability) {
            this.probability = probability;
            return this;
        }

        /**
         * Sets one coefficient per batch or per example.
         *
         * @param lambdaMode default {@link LambdaMode#BATCH}
         * @return this builder
         */
        public Builder optLambdaMode(LambdaMode lambdaMode) {
            this.lambdaMode = Objects.requireNonNull(lambdaMode, "lambdaMode");
            return this;
        }

        /**
         * Sets whether each coefficient is folded to {@code max(lambda, 1 - lambda)}, so that the
         * original example always dominates.
         *
         * @param foldLambda default {@code false}
         * @return this builder
         */
        public Builder optFoldLambda(boolean foldLambda) {
            this.foldLambda = foldLambda;
            return this;
        }

        /**
         * Sets how alpha changes with the epoch.
         *
         * @param schedule default {@link AlphaSchedule#constant()}
         * @return this builder
         */
        public Builder optSchedule(AlphaSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Sets the first epoch (0-based) that is not mixed.
         *
         * @param offEpoch non-negative; default: never stop
         * @return this builder
         */
        public Builder optOffEpoch(int offEpoch) {
            this.offEpoch = offEpoch;
            return this;
        }

        /**
         * Sets the seed of the generator.
         *
         * @param seed the seed; default 0
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the planner.
         *
         * @return the planner
         * @throws IllegalArgumentException if a value is out of range; the message says which
         */
        public MixingPlanner build() {
            if (choices == null || choices.isEmpty()) {
                throw new IllegalArgumentException("At least one mixing strategy is needed.");
            }
            double sum = 0;
            for (StrategyChoice choice : choices) {
                if (!(choice.weight() >= 0) || Float.isInfinite(choice.weight())) {
                    throw new IllegalArgumentException(
                            "The weight of strategy '"
                                    + choice.strategy().getName()
                                    + "' must be a finite non-negative number, got "
                                    + choice.weight());
                }
                if (!(choice.alpha() > 0) || Float.isInfinite(choice.alpha())) {
                    throw new IllegalArgumentException(
                            "alpha must be a positive finite number (lambda ~ Beta(alpha,"
                                    + " alpha)), got "
                                    + choice.alpha()
                                    + " for strategy '"
                                    + choice.strategy().getName()
                                    + "'. The paper uses 2.0 for CIFAR and SVHN, 0.2 for"
                                    + " Tiny-ImageNet.");
                }
                sum += choice.weight();
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException(
                        "The strategy weights must sum to a positive number, got " + sum + ".");
            }
            if (pointCount < 1) {
                throw new IllegalArgumentException("At least one mixing point is needed.");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException(
                        "The mixing probability must be in [0, 1], got " + probability + ".");
            }
            if (offEpoch < 0) {
                throw new IllegalArgumentException(
                        "The epoch mixing stops at must be non-negative, got " + offEpoch + ".");
            }
            return new MixingPlanner(this);
        }
    }
}
