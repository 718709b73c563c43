/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;

/**
 * Projected gradient descent in the L-infinity ball (Madry et al. 2018): from a random start, a
 * number of signed-gradient ascent steps on the loss, each projected back onto the ball and the
 * valid range.
 *
 * <pre>{@code
 * x_0     = clip(x + U(-epsilon, epsilon), lo, hi)        (x_0 = x without the random start)
 * x_{t+1} = clip(clip(x_t + stepSize * sign(grad L(f(x_t), y)), x - epsilon, x + epsilon), lo, hi)
 * }</pre>
 *
 * <p>{@code L} is the softmax cross-entropy of the logits against the labels, summed over the batch
 * (the sign is that of the mean's gradient); the result is the last iterate {@code x_steps}, so
 * {@code max |x' - x| <= epsilon} and {@code lo <= x' <= hi} hold element-wise. Unless set, there
 * are {@value #DEFAULT_STEPS} steps of size {@code 2.5 * epsilon / steps} (the choice of Madry et
 * al.'s robustness library, which lets the iterate cross the ball and still reach its boundary from
 * any start).
 *
 * <p>The random start draws from the engine's generator ({@code NDManager.randomUniform}), so
 * {@code Engine.getInstance().setRandomSeed(seed)} before the attack makes it repeat. The gradients
 * are taken with the block in inference mode through the engine's {@link
 * ai.djl.training.GradientCollector}; see {@link Attack} for what is left untouched.
 */
public final class Pgd implements Attack {

    /** The number of steps unless set. */
    public static final int DEFAULT_STEPS = 20;

    /** The step size, in units of {@code epsilon / steps}, unless set. */
    public static final float DEFAULT_STEP_FACTOR = 2.5f;

    private final float epsilon;
    private final float stepSize;
    private final int steps;
    private final float lo;
    private final float hi;
    private final boolean randomStart;

    private Pgd(Builder builder, float stepSize) {
        epsilon = builder.epsilon;
        this.stepSize = stepSize;
        steps = builder.steps;
        lo = builder.lo;
        hi = builder.hi;
        randomStart = builder.randomStart;
    }

    /**
     * Returns a builder; {@link Builder#optEpsilon} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return "pgd";
    }

    /** {@inheritDoc} */
    @Override
    public float getEpsilon() {
        return epsilon;
    }

    /**
     * Returns the size of each step.
     *
     * @return the step size
     */
    public float getStepSize() {
        return stepSize;
    }

    /**
     * Returns the number of steps.
     *
     * @return at least 1
     */
    public int getSteps() {
        return steps;
    }

    /**
     * Returns the lower bound of the valid inputs.
     *
     * @return lo
     */
    public float getLowerBound() {
        return lo;
    }

    /**
     * Returns the upper bound of the valid inputs.
     *
     * @return hi
     */
    public float getUpperBound() {
        return hi;
    }

    /**
     * Returns whether the attack starts from a uniform random point of the ball.
     *
     * @return true for Madry et al.'s random start
     */
    public boolean isRandomStart() {
        return randomStart;
    }

    /** {@inheritDoc} */
    @Override
    public NDArray perturb(Model model, NDArray images, NDArray labels) {
        return AttackSupport.run(
                model, images, labels, epsilon, stepSize, steps, randomStart, true, lo, hi);
    }

    /** {@inheritDoc} */
    @Override
    public void skipRandomness(NDArray like, long images) {
        if (randomStart) {
            AttackSupport.skipStarts(like, images, epsilon);
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "pgd(epsilon="
                + epsilon
                + ", stepSize="
                + stepSize
                + ", steps="
                + steps
                + ", randomStart="
                + randomStart
                + ", bounds=["
                + lo
                + ", "
                + hi
                + "])";
    }

    /** Builds a {@link Pgd}. */
    public static final class Builder {

        private float epsilon = Float.NaN;
        private float stepSize = Float.NaN;
        private boolean stepSizeSet;
        private int steps = DEFAULT_STEPS;
        private float lo;
        private float hi = 1;
        private boolean randomStart = true;

        private Builder() {}

        /**
         * Sets the radius of the L-infinity ball (required).
         *
         * @param epsilon in {@code (0, hi - lo]}
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Sets the size of each step; {@code 2.5 * epsilon / steps} unless set.
         *
         * @param stepSize positive and finite
         * @return this builder
         */
        public Builder optStepSize(float stepSize) {
            this.stepSize = stepSize;
            stepSizeSet = true;
            return this;
        }

        /**
         * Sets the number of steps; {@value Pgd#DEFAULT_STEPS} unless set.
         *
         * @param steps at least 1
         * @return this builder
         */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /**
         * Sets the range of valid inputs every iterate is clipped to; {@code [0, 1]} unless set.
         *
         * @param lo the lower bound, finite
         * @param hi the upper bound, finite and above {@code lo}
         * @return this builder
         */
        public Builder optBounds(float lo, float hi) {
            this.lo = lo;
            this.hi = hi;
            return this;
        }

        /**
         * Sets whether to start from a uniform random point of the ball (clipped to the bounds);
         * true unless set.
         *
         * @param randomStart false to start from the clean input
         * @return this builder
         */
        public Builder optRandomStart(boolean randomStart) {
            this.randomStart = randomStart;
            return this;
        }

        /**
         * Builds the attack.
         *
         * @return the attack
         * @throws IllegalArgumentException if epsilon is missing, NaN or outside {@code (0, hi -
         *     lo]}, steps is below 1, the step size is not positive and finite, or the bounds are
         *     not finite and increasing
         */
        public Pgd build() {
            AttackSupport.checkBounds(lo, hi);
            if (Float.isNaN(epsilon)) {
                throw new IllegalArgumentException(
                        "PGD needs optEpsilon(epsilon) with epsilon in (0, hi - lo], got NaN or"
                                + " none");
            }
            AttackSupport.checkEpsilon(epsilon, lo, hi);
            if (steps < 1) {
                throw new IllegalArgumentException("PGD needs steps >= 1, got " + steps);
            }
            float size = stepSizeSet ? stepSize : DEFAULT_STEP_FACTOR * epsilon / steps;
            if (!(size > 0) || Float.isInfinite(size)) {
                throw new IllegalArgumentException(
                        "The PGD step size must be positive and finite, got " + size);
            }
            return new Pgd(this, size);
        }
    }
}
