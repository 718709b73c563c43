/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws the mixing point and the coefficient of each mixed batch: the point uniformly from the
 * eligible set, {@code lambda ~ Beta(alpha, alpha)}.
 *
 * <p>Draws happen on the host from a seeded generator, so the same seed gives the same sequence of
 * points and coefficients. The PyTorch engine has no Beta sampler, and a scalar per batch costs
 * nothing on the host. Safe to call from several threads; with parallel callers the order in which
 * they receive the draws is theirs.
 */
public final class MixingPlanner {

    private final int pointCount;
    private final UniformRandomProvider random;
    private final ContinuousSampler beta;

    /**
     * Creates a planner.
     *
     * @param pointCount the number of eligible mixing points, at least one
     * @param alpha the Beta distribution's parameter, positive
     * @param seed the seed of the generator
     */
    public MixingPlanner(int pointCount, float alpha, long seed) {
        if (pointCount < 1) {
            throw new IllegalArgumentException("At least one mixing point is needed");
        }
        if (!(alpha > 0) || Float.isInfinite(alpha)) {
            throw new IllegalArgumentException(
                    "alpha must be a positive finite number, got " + alpha);
        }
        this.pointCount = pointCount;
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.beta = ChengBetaSampler.of(random, alpha, alpha);
    }

    /**
     * Draws the point and the coefficient of the next mixed batch.
     *
     * @return the next plan
     */
    public synchronized MixingPlan next() {
        int point = random.nextInt(pointCount);
        return new MixingPlan(point, (float) beta.sample());
    }
}
