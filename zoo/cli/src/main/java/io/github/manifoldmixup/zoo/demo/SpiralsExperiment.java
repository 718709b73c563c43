/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.demo;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.zoo.analysis.ClassSpectra;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's Figure 1 setting, generated: an MLP with a 4-unit bottleneck trained on two spirals
 * without mixup, with input mixup and with Manifold Mixup, measured on held-out points and over the
 * whole plane.
 *
 * <p>The network's top-level children are {@code 01Linear(128), 02ReLU, 03Linear(128), 04ReLU,
 * 05Linear(4)} (the bottleneck) {@code , 06Linear(2)}; Manifold Mixup draws from the input and the
 * automatic points {@code 02, 04, 05}.
 */
public final class SpiralsExperiment {

    /** The side of the plane {@code [-EXTENT, EXTENT]^2} the maps cover. */
    public static final double EXTENT = 1.6;

    private static final int GRID = 81;
    private static final double OFF_DATA_DISTANCE = 0.25;
    private static final int BOTTLENECK_CHILD = 5;

    private final int epochs;
    private final int trainingPoints;
    private final long seed;

    /**
     * Creates the experiment.
     *
     * @param epochs training epochs of each variant
     * @param trainingPoints generated training points
     * @param seed the seed of data, initialization and mixing
     */
    public SpiralsExperiment(int epochs, int trainingPoints, long seed) {
        this.epochs = epochs;
        this.trainingPoints = trainingPoints;
        this.seed = seed;
    }

    /** How a variant is trained. */
    public enum Variant {
        /** No mixing. */
        NONE("no mixup"),
        /** Input mixup, alpha 1. */
        INPUT("input mixup"),
        /** Manifold Mixup over the input and the automatic points, alpha 1. */
        MANIFOLD("manifold mixup");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /**
         * Returns the variant's display name.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /**
     * What a trained variant shows.
     *
     * @param variant the variant
     * @param test accuracy, NLL, ECE (15 bins), Brier score and the reliability bins on the test
     *     points
     * @param offDataConfidence mean confidence on grid points farther than 0.25 from every training
     *     point
     * @param spectrum class-averaged singular values of the centred bottleneck representations,
     *     largest first, each divided by the square root of the class size
     * @param map the probability of class 1 over the grid, {@code [row][column]}
     * @param points the training points, {@code {x, y, label}}
     */
    public record Outcome(
            Variant variant,
            CalibrationSummary test,
            double offDataConfidence,
            double[] spectrum,
            float[][] map,
            float[][] points) {}

    /**
     * Trains and measures every variant.
     *
     * @return one outcome per variant, in declaration order
     * @throws IOException if the generated data cannot be iterated
     * @throws TranslateException if a batch cannot be built
     */
    public List<Outcome> run() throws IOException, TranslateException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            outcomes.add(run(variant));
        }
        return outcomes;
    }

    private Outcome run(Variant variant) throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) seed);
        TwoSpirals spirals = new TwoSpirals(1.5, 0.08);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("spirals-" + variant.name())) {
            ArrayDataset train = spirals.generate(manager, trainingPoints, 64, true, seed);
            SequentialBlock block = network();
            model.setBlock(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.01f))
                                            .build());
            if (variant != Variant.NONE) {
                ManifoldMixupTrainingListener.Builder mixup =
                        ManifoldMixupTrainingListener.builder().optAlpha(1f).optSeed(seed);
                if (variant == Variant.INPUT) {
                    mixup.optMixingLayers("input");
                } else {
                    mixup.optIncludeInput(true);
                }
                config.addTrainingListeners(mixup.build());
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, epochs, train, null);
            }
            float[][] points = trainingPoints(spirals, manager);
            ArrayDataset test = spirals.generate(manager, 2000, 2000, false, seed + 1);
            NDList testBatch = new NDList(testInputs(test, manager));
            NDArray labels = testLabels(test, manager);
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                NDArray logits = predictor.predict(testBatch).head();
                float[][] map = classOneMap(predictor, manager);
                return new Outcome(
                        variant,
                        CalibrationSummary.of(logits, labels),
                        offDataConfidence(map, points),
                        spectrum(block, manager, testBatch.head(), labels),
                        map,
                        points);
            }
        }
    }

    /** The MLP with a 4-unit bottleneck. */
    static SequentialBlock network() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(4).build())
                .add(Linear.builder().setUnits(2).build());
    }

    private float[][] trainingPoints(TwoSpirals spirals, NDManager manager)
            throws IOException, TranslateException {
        ArrayDataset all = spirals.generate(manager, trainingPoints, trainingPoints, false, seed);
        NDList batch = all.getData(manager).iterator().next().getData();
        float[] xy = batch.head().toFloatArray();
        float[] labels = all.getData(manager).iterator().next().getLabels().head().toFloatArray();
        float[][] points = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            points[i] = new float[] {xy[2 * i], xy[2 * i + 1], labels[i]};
        }
        return points;
    }

    private static NDArray testInputs(ArrayDataset test, NDManager manager)
            throws IOException, TranslateException {
        return test.getData(manager).iterator().next().getData().head();
    }

    private static NDArray testLabels(ArrayDataset test, NDManager manager)
            throws IOException, TranslateException {
        return test.getData(manager).iterator().next().getLabels().head();
    }

    /** The probability of class 1 on a GRID x GRID lattice over the plane. */
    private static float[][] classOneMap(Predictor<NDList, NDList> predictor, NDManager manager)
            throws TranslateException {
        float[] xy = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int i = r * GRID + c;
                xy[2 * i] = (float) (-EXTENT + 2 * EXTENT * c / (GRID - 1));
                xy[2 * i + 1] = (float) (-EXTENT + 2 * EXTENT * r / (GRID - 1));
            }
        }
        NDArray logits =
                predictor.predict(new NDList(manager.create(xy, new Shape(GRID * GRID, 2)))).head();
        float[] probabilities = logits.softmax(1).toFloatArray();
        float[][] map = new float[GRID][GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                map[r][c] = probabilities[2 * (r * GRID + c) + 1];
            }
        }
        return map;
    }

    /** Mean confidence (largest class probability) on grid points far from every training point. */
    private static double offDataConfidence(float[][] map, float[][] points) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                double x = -EXTENT + 2 * EXTENT * c / (GRID - 1);
                double y = -EXTENT + 2 * EXTENT * r / (GRID - 1);
                double nearest = Double.MAX_VALUE;
                for (float[] point : points) {
                    nearest = Math.min(nearest, Math.hypot(point[0] - x, point[1] - y));
                }
                if (nearest > OFF_DATA_DISTANCE) {
                    sum += Math.max(map[r][c], 1 - map[r][c]);
                    count++;
                }
            }
        }
        return sum / count;
    }

    /** Class-averaged singular values of the centred bottleneck outputs of the test points. */
    private static double[] spectrum(
            Block block, NDManager manager, NDArray inputs, NDArray labels) {
        ParameterStore store = new ParameterStore(manager, false);
        NDList hidden = new NDList(inputs);
        List<Block> children = block.getChildren().values();
        for (int i = 0; i < BOTTLENECK_CHILD; i++) {
            hidden = children.get(i).forward(store, hidden, false);
        }
        int width = (int) hidden.head().getShape().get(1);
        return ClassSpectra.mean(
                ClassSpectra.of(hidden.head().toFloatArray(), width, labels.toFloatArray(), 2));
    }
}
