/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.tracker;

import ai.djl.training.tracker.Tracker;

/**
 * A {@link Tracker} that rises from a begin value to a final value along half a cosine, slowly at
 * both ends, over a number of updates, then stays at the final value: fastai's dynamic mixup ramp,
 * which DJL's {@code CosineTracker} (decay only) and {@code WarmUpTracker} (linear or constant)
 * cannot express.
 *
 * <p>As the listener's alpha schedule ({@code optAlphaSchedule}) the updates are epochs:
 *
 * <pre>{@code
 * CosineWarmUpTracker.builder().optBeginValue(0f).setWarmUpSteps(10).build() // over 10 epochs
 * }</pre>
 */
public final class CosineWarmUpTracker implements Tracker {

    private final float beginValue;
    private final float finalValue;
    private final int warmUpSteps;

    private CosineWarmUpTracker(Builder builder) {
        beginValue = builder.beginValue;
        finalValue = builder.finalValue;
        warmUpSteps = builder.warmUpSteps;
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
     * Returns {@code begin + (final - begin) (1 - cos(pi t / T)) / 2} for {@code t < T} warm-up
     * steps, else the final value.
     *
     * @param numUpdate the 0-based update (for an alpha schedule: the epoch)
     * @return the value
     */
    @Override
    public float getNewValue(int numUpdate) {
        double progress = Math.min(1.0, (double) numUpdate / warmUpSteps);
        return (float)
                (beginValue + (finalValue - beginValue) * (1 - Math.cos(Math.PI * progress)) / 2);
    }

    /** Configures a {@link CosineWarmUpTracker}. */
    public static final class Builder {

        private float beginValue;
        private float finalValue = 1f;
        private int warmUpSteps;

        private Builder() {}

        /**
         * Sets the value at update 0.
         *
         * @param beginValue a finite number; default 0
         * @return this builder
         */
        public Builder optBeginValue(float beginValue) {
            this.beginValue = beginValue;
            return this;
        }

        /**
         * Sets the value reached at the end of the warm-up and kept after it.
         *
         * @param finalValue a finite number; default 1
         * @return this builder
         */
        public Builder optFinalValue(float finalValue) {
            this.finalValue = finalValue;
            return this;
        }

        /**
         * Sets the number of updates the warm-up takes.
         *
         * @param warmUpSteps positive
         * @return this builder
         */
        public Builder setWarmUpSteps(int warmUpSteps) {
            this.warmUpSteps = warmUpSteps;
            return this;
        }

        /**
         * Builds the tracker.
         *
         * @return the tracker
         * @throws IllegalArgumentException if the warm-up has no steps or a value is not finite
         */
        public CosineWarmUpTracker build() {
            if (warmUpSteps < 1) {
                throw new IllegalArgumentException(
                        "A cosine warm-up needs at least one step, got "
                                + warmUpSteps
                                + ". Set it with setWarmUpSteps(n).");
            }
            if (!Float.isFinite(beginValue) || !Float.isFinite(finalValue)) {
                throw new IllegalArgumentException(
                        "A cosine warm-up's values must be finite, got "
                                + beginValue
                                + " and "
                                + finalValue);
            }
            return new CosineWarmUpTracker(this);
        }
    }
}
