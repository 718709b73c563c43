/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where training stands, all 0-based: the epoch, the batch within it, and the step (batches since
 * the trainer was created).
 */
final class TrainingPosition {

    private final AtomicInteger epoch = new AtomicInteger();
    private final AtomicInteger batch = new AtomicInteger();
    private final AtomicLong step = new AtomicLong();

    int epoch() {
        return epoch.get();
    }

    int batch() {
        return batch.get();
    }

    long step() {
        return step.get();
    }

    /** Sets the epoch the next batches belong to; they count from its first batch. */
    void setEpoch(int value) {
        epoch.set(value);
        batch.set(0);
    }

    /** Ends the current epoch and returns its number. */
    int endEpoch() {
        batch.set(0);
        return epoch.getAndIncrement();
    }

    /** Ends the current batch. */
    void endBatch() {
        batch.incrementAndGet();
        step.incrementAndGet();
    }

    /** Starts counting steps for a new trainer. */
    void startTrainer() {
        batch.set(0);
        step.set(0);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "training batch %d of epoch %d (step %d of this trainer; all 0-based)",
                batch(),
                epoch(),
                step());
    }
}
