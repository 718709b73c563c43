/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;

/**
 * The fast gradient sign method (Goodfellow et al. 2015), an L-infinity attack of one step:
 *
 * <pre>{@code x' = clip(x + epsilon * sign(grad_x L(f(x), y)), lo, hi)}</pre>
 *
 * <p>{@code L} is the softmax cross-entropy of the logits {@code f(x)} against the labels, summed
 * over the batch (the sign of each example's gradient is the same as with the mean). A gradient
 * component that is exactly 0 leaves its input unchanged. The gradient is taken with the block in
 * inference mode through the engine's {@link ai.djl.training.GradientCollector}; see {@link Attack}
 * for what is left untouched.
 *
 * <p>Convention: epsilon is measured in the units of the input the block takes, and the result is
 * clipped to the valid range {@code [lo, hi]} (default [0, 1], images as DJL's {@code ToTensor}
 * makes them). The paper's code attacks normalized inputs and does not clip, so its epsilons are
 * not ours: CIFAR-10's channel standard deviations are about 0.25, so an epsilon there is about a
 * quarter of the same number in [0, 1] units.
 */
public final class Fgsm implements Attack {

    private final float epsilon;
    private final float lo;
    private final float hi;

    private Fgsm(Builder builder) {
        epsilon = builder.epsilon;
        lo = builder.lo;
        hi = builder.hi;
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
        return "fgsm";
    }

    /** {@inheritDoc} */
    @Override
    public float getEpsilon() {
        return epsilon;
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

    /** {@inheritDoc} */
    @Override
    public NDArray perturb(Model model, NDArray images, NDArray labels) {
        return AttackSupport.run(model, images, labels, epsilon, epsilon, 1, false, false, lo, hi);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "fgsm(epsilon=" + epsilon + ", bounds=[" + lo + ", " + hi + "])";
    }

    /** Builds an {@link Fgsm}. */
    public static final class Builder {

        private float epsilon = Float.NaN;
        private float lo;
        private float hi = 1;

        private Builder() {}

        /**
         * Sets the size of the step (required).
         *
         * @param epsilon in {@code (0, hi - lo]}
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Sets the range of valid inputs the result is clipped to; {@code [0, 1]} unless set.
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
         * Builds the attack.
         *
         * @return the attack
         * @throws IllegalArgumentException if epsilon is missing, NaN or outside {@code (0, hi -
         *     lo]}, or the bounds are not finite and increasing
         */
        public Fgsm build() {
            AttackSupport.checkBounds(lo, hi);
            if (Float.isNaN(epsilon)) {
                throw new IllegalArgumentException(
                        "FGSM needs optEpsilon(epsilon) with epsilon in (0, hi - lo], got NaN or"
                                + " none");
            }
            AttackSupport.checkEpsilon(epsilon, lo, hi);
            return new Fgsm(this);
        }
    }
}
