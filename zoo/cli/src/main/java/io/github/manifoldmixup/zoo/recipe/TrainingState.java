/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a recipe run stands: the epochs done, the time spent and the learning curve so far.
 *
 * @param variant the variant's filter value
 * @param seed the run's seed
 * @param epochsDone completed epochs
 * @param trainingSeconds wall-clock seconds spent training and evaluating, over all resumes
 * @param curve one entry per completed epoch
 */
public record TrainingState(
        String variant,
        long seed,
        int epochsDone,
        double trainingSeconds,
        List<EpochResult> curve) {

    /**
     * Returns the state after one more epoch.
     *
     * @param result the epoch's figures
     * @return the new state
     */
    public TrainingState after(EpochResult result) {
        List<EpochResult> longer = new ArrayList<>(curve);
        longer.add(result);
        return new TrainingState(
                variant, seed, result.epoch(), trainingSeconds + result.seconds(), longer);
    }

    /**
     * The figures of one epoch.
     *
     * @param epoch the 1-based epoch
     * @param trainLoss the mean (mixed) training loss
     * @param testAccuracy accuracy on the 10,000 test images
     * @param testNll negative log-likelihood on the test images
     * @param testEce expected calibration error (15 bins) on the test images
     * @param seconds wall-clock seconds of the epoch
     */
    public record EpochResult(
            int epoch,
            float trainLoss,
            float testAccuracy,
            float testNll,
            float testEce,
            double seconds) {}
}
