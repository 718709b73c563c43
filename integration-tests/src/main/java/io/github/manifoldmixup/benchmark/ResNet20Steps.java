/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;

/**
 * The training setting the ResNet-20 benchmarks share: DJL's ResNetV1-20 on (1, 28, 28) inputs with
 * 10 classes, SGD (learning rate 0.1, momentum 0.9, weight decay 1e-4), and the paper's mixing set
 * {input, after stage 1, after stage 2} with {@code lambda ~ Beta(2, 2)}, as {@code
 * shared/bench/torch_resnet20_step.py} does in PyTorch.
 */
final class ResNet20Steps {

    /** The shape of one image. */
    static final Shape IMAGE = new Shape(1, 28, 28);

    /** Makes one step's images and labels in the step's manager. */
    interface StepData {
        /**
         * Returns the images and the labels.
         *
         * @param stepManager the manager closed at the end of the step
         * @return {@code {data, labels}}
         */
        NDList[] make(NDManager stepManager);
    }

    private ResNet20Steps() {}

    /** A model holding a fresh ResNetV1-20. */
    static Model model(String name) {
        Model model = Model.newInstance(name);
        model.setBlock(
                ResNetV1.builder().setImageShape(IMAGE).setNumLayers(20).setOutSize(10).build());
        return model;
    }

    /** Copies of one fixed batch, made afresh for every step. */
    static StepData copiesOf(NDArray x, NDArray y) {
        return stepManager -> {
            NDArray data = x.duplicate();
            NDArray labels = y.duplicate();
            data.attach(stepManager);
            labels.attach(stepManager);
            return new NDList[] {new NDList(data), new NDList(labels)};
        };
    }

    /** The Manifold Mixup listener of the paper's setting, to be built (or changed first). */
    static ManifoldMixupTrainingListener.Builder paperListener() {
        return ManifoldMixupTrainingListener.builder()
                .optAlpha(2f)
                .optIncludeInput(true)
                .optMixingLayers("04ParallelBlock", "07ParallelBlock")
                .optSeed(0);
    }

    /** The training configuration, with the listener if it is not {@code null}. */
    static DefaultTrainingConfig config(ManifoldMixupTrainingListener mixup) {
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(Tracker.fixed(0.1f))
                                        .optMomentum(0.9f)
                                        .optWeightDecays(1e-4f)
                                        .build());
        return mixup == null ? config : config.addTrainingListeners(mixup);
    }

    /**
     * Runs one training step (forward, loss, backward, update) on a batch made in a manager that is
     * closed with the step, as {@code EasyTrain.fit} does with its batches.
     *
     * @return the milliseconds of the step, making the batch excluded
     */
    static double step(Trainer trainer, StepData data) {
        try (NDManager stepManager = trainer.getManager().newSubManager()) {
            NDList[] made = data.make(stepManager);
            Batch batch =
                    new Batch(
                            stepManager,
                            made[0],
                            made[1],
                            (int) made[0].head().getShape().get(0),
                            null,
                            null,
                            0,
                            1);
            long start = System.nanoTime();
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
