/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.schedule;

/**
 * Scales alpha with training progress: at epoch {@code e} (0-based) the coefficients are drawn from
 * {@code Beta(a, a)} with {@code a = alpha * factor(e)}. A factor of 0 means no mixing in that
 * epoch (as alpha tends to 0, {@code Beta(alpha, alpha)} puts all its mass on 0 and 1, which mixes
 * nothing).
 *
 * <p>The listener learns the epoch from DJL's {@code onEpoch} callbacks; a custom training loop
 * calls {@code trainer.notifyListeners(l -> l.onEpoch(trainer))} at the end of each epoch, as
 * {@code EasyTrain.fit} does, or sets it with {@code ManifoldMixupTrainingListener.setEpoch}.
 */
@FunctionalInterface
public interface AlphaSchedule {

    /**
     * Returns the factor alpha is multiplied by in an epoch.
     *
     * @param epoch the 0-based epoch
     * @return a factor in {@code [0, 1]}
     */
    float factor(int epoch);

    /**
     * The same alpha in every epoch.
     *
     * @return a schedule whose factor is always 1
     */
    static AlphaSchedule constant() {
        return epoch -> 1f;
    }

    /**
     * A linear ramp: the factor grows from {@code start} at epoch 0 to 1 at epoch {@code
     * rampEpochs}, then stays at 1.
     *
     * @param start the factor at epoch 0, in {@code [0, 1]}
     * @param rampEpochs the epoch from which the full alpha is used, positive
     * @return the schedule
     */
    static AlphaSchedule linearRamp(float start, int rampEpochs) {
        check(start, rampEpochs);
        return epoch -> start + (1 - start) * Math.min(1f, (float) epoch / rampEpochs);
    }

    /**
     * A cosine ramp, as fastai's dynamic mixup callbacks use: the factor grows from {@code start}
     * at epoch 0 to 1 at epoch {@code rampEpochs} along half a cosine, slowly at both ends.
     *
     * @param start the factor at epoch 0, in {@code [0, 1]}
     * @param rampEpochs the epoch from which the full alpha is used, positive
     * @return the schedule
     */
    static AlphaSchedule cosineRamp(float start, int rampEpochs) {
        check(start, rampEpochs);
        return epoch -> {
            double progress = Math.min(1.0, (double) epoch / rampEpochs);
            return (float) (start + (1 - start) * (1 - Math.cos(Math.PI * progress)) / 2);
        };
    }

    private static void check(float start, int rampEpochs) {
        if (!(start >= 0 && start <= 1)) {
            throw new IllegalArgumentException(
                    "A ramp's start factor must be in [0, 1], got " + start);
        }
        if (rampEpochs < 1) {
            throw new IllegalArgumentException(
                    "A ramp needs at least one epoch, got " + rampEpochs);
        }
    }
}
