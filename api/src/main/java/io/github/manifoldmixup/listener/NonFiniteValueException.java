/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.TrainingDivergedException;
import java.util.Optional;

/**
 * Thrown by the {@link ManifoldMixupTrainingListener}'s {@link
 * ManifoldMixupTrainingListener.Builder#optNonFiniteCheck non-finite check} at the first training
 * batch whose mixed hidden state or loss holds NaN or infinite values. The message says where they
 * appeared, what else was found non-finite (the input batch, parameters, the state before mixing,
 * the labels) and what to do; the getters give the position.
 */
public class NonFiniteValueException extends TrainingDivergedException {

    private static final long serialVersionUID = 1L;

    private final String point;
    private final int epoch;
    private final int batch;
    private final long step;

    NonFiniteValueException(String message, String point, TrainingPosition position) {
        super(message);
        this.point = point;
        this.epoch = position.epoch();
        this.batch = position.batch();
        this.step = position.step();
    }

    /**
     * Returns the mixing point whose mixed hidden state was non-finite, or for a non-finite loss
     * the point the batch was mixed at.
     *
     * @return the mixing point's name, empty for a non-finite loss of an unmixed batch
     */
    public Optional<String> getMixingPoint() {
        return Optional.ofNullable(point);
    }

    /**
     * Returns the 0-based epoch of the batch.
     *
     * @return the epoch, as the listener counts it
     */
    public int getEpoch() {
        return epoch;
    }

    /**
     * Returns the 0-based index of the training batch within its epoch.
     *
     * @return the batch index
     */
    public int getBatch() {
        return batch;
    }

    /**
     * Returns the 0-based number of training batches the trainer had completed before this one.
     *
     * @return the step
     */
    public long getStep() {
        return step;
    }
}
