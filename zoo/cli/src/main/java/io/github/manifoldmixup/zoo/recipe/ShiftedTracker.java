/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.training.tracker.Tracker;

/**
 * A tracker that continues another from a given update: a resumed run's optimizer counts updates
 * from 0 again, so the schedule is shifted by the updates already done.
 */
final class ShiftedTracker implements Tracker {

    private final Tracker tracker;
    private final int offset;

    ShiftedTracker(Tracker tracker, int offset) {
        this.tracker = tracker;
        this.offset = offset;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return tracker.getNewValue(numUpdate + offset);
    }
}
