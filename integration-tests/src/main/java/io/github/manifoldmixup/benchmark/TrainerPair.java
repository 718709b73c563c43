/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;

/**
 * Two ResNet-20 trainers of the {@link ResNet20Steps} setting, initialized for one input shape: one
 * plain, one with the paper's Manifold Mixup listener. Closing the pair closes both.
 */
final class TrainerPair implements AutoCloseable {

    private final Model plainModel;
    private final Model mixupModel;
    private final Trainer plain;
    private final Trainer mixup;

    TrainerPair(Shape inputShape) {
        plainModel = ResNet20Steps.model("plain");
        mixupModel = ResNet20Steps.model("mixup");
        plain = plainModel.newTrainer(ResNet20Steps.config(null));
        mixup = mixupModel.newTrainer(ResNet20Steps.config(ResNet20Steps.paperListener()));
        plain.initialize(inputShape);
        mixup.initialize(inputShape);
    }

    /** The trainer without mixing. */
    Trainer plain() {
        return plain;
    }

    /** The trainer with the Manifold Mixup listener. */
    Trainer mixup() {
        return mixup;
    }

    @Override
    public void close() {
        plain.close();
        mixup.close();
        plainModel.close();
        mixupModel.close();
    }
}
