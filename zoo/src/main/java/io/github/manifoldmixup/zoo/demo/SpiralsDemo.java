/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.demo;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.metric.ExpectedCalibrationError;
import io.github.manifoldmixup.metric.NegativeLogLikelihood;
import io.github.manifoldmixup.zoo.data.TwoSpirals;
import java.io.IOException;
import java.util.Locale;

/**
 * The README's first command: trains a small MLP on generated two-spirals data without mixup, with
 * input mixup and with Manifold Mixup, and prints test accuracy and test negative log-likelihood of
 * each. Needs no data and runs in well under a minute on two cores.
 */
public final class SpiralsDemo {

    private static final int EPOCHS = 40;
    private static final int BATCH = 64;
    private static final long SEED = 7;

    private SpiralsDemo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     * @throws IOException if the generated data cannot be iterated
     * @throws TranslateException if a batch cannot be built
     */
    public static void main(String[] args) throws IOException, TranslateException {
        TwoSpirals spirals = new TwoSpirals(1.5, 0.08);
        System.out.printf(
                Locale.ROOT,
                "Two spirals, MLP 2-64-64-64-2, %d epochs, batch %d, seed %d%n",
                EPOCHS,
                BATCH,
                SEED);
        System.out.printf(
                Locale.ROOT, "%-16s %14s %10s%n", "training", "test accuracy", "test NLL");
        for (Variant variant : Variant.values()) {
            TrainingResult result = train(spirals, variant);
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %13.1f%% %10.3f %10.3f%n",
                    variant.label,
                    100 * result.getValidateEvaluation("Accuracy"),
                    result.getValidateEvaluation("NLL"),
                    result.getValidateEvaluation("ECE"));
        }
    }

    private static TrainingResult train(TwoSpirals spirals, Variant variant)
            throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) SEED);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("spirals-" + variant.name())) {
            ArrayDataset train = spirals.generate(manager, 2000, BATCH, true, SEED);
            ArrayDataset test = spirals.generate(manager, 2000, 500, false, SEED + 1);
            model.setBlock(new Mlp(2, 2, new int[] {64, 64, 64}));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.01f))
                                            .build())
                            .addEvaluator(new Accuracy())
                            .addEvaluator(new NegativeLogLikelihood())
                            .addEvaluator(new ExpectedCalibrationError())
                            .addTrainingListeners(TrainingListener.Defaults.basic());
            if (variant != Variant.NONE) {
                ManifoldMixupTrainingListener.Builder mixup =
                        ManifoldMixupTrainingListener.builder().optAlpha(1f).optSeed(SEED);
                if (variant == Variant.INPUT) {
                    mixup.optMixingLayers("input");
                } else {
                    mixup.optIncludeInput(true);
                }
                config.addTrainingListeners(mixup.build());
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, EPOCHS, train, test);
                return trainer.getTrainingResult();
            }
        }
    }

    private enum Variant {
        NONE("no mixup"),
        INPUT("input mixup"),
        MANIFOLD("manifold mixup");

        private final String label;

        Variant(String label) {
            this.label = label;
        }
    }
}
