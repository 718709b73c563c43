/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;

/**
 * Two ResNet-20 trainers of the {@link ResNet20Steps} setting, initialized for one input shape,
 * that differ only in their listener: the benchmarks time one against the other. Closing the pair
 * closes both.
 */
final class TrainerPair implements AutoCloseable {

    private final Model firstModel;
    private final Model secondModel;
    private final Trainer first;
    private final Trainer second;

    /**
     * Creates the two trainers.
     *
     * @param inputShape the shape of a batch
     * @param firstListener the first trainer's listener; null for none (no mixing)
     * @param secondListener the second trainer's listener; null for none
     */
    TrainerPair(
            Shape inputShape,
            ManifoldMixupTrainingListener firstListener,
            ManifoldMixupTrainingListener secondListener) {
        firstModel = ResNet20Steps.model("first");
        secondModel = ResNet20Steps.model("second");
        first = firstModel.newTrainer(ResNet20Steps.config(firstListener));
        second = secondModel.newTrainer(ResNet20Steps.config(secondListener));
        first.initialize(inputShape);
        second.initialize(inputShape);
    }

    /**
     * The pair most benchmarks time: first plain, second with the paper's Manifold Mixup listener.
     *
     * @param inputShape the shape of a batch
     * @return the pair
     */
    static TrainerPair plainAndMixup(Shape inputShape) {
        return new TrainerPair(inputShape, null, ResNet20Steps.paperListener().build());
    }

    /** The first trainer (for {@link #plainAndMixup}, the one without mixing). */
    Trainer first() {
        return first;
    }

    /** The second trainer (for {@link #plainAndMixup}, the one with the listener). */
    Trainer second() {
        return second;
    }

    @Override
    public void close() {
        first.close();
        second.close();
        firstModel.close();
        secondModel.close();
    }
}
