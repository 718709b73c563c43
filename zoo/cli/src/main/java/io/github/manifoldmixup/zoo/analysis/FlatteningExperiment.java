/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.analysis;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's flattening experiment on Fashion-MNIST: an MLP {@code 784-512-512-12-10} with a
 * 12-unit linear bottleneck ({@code 06Linear}) trained without mixup, with input mixup and with
 * Manifold Mixup at the bottleneck (both {@code alpha = 2}); then the singular values of each
 * class's bottleneck representations of the 10,000 test images.
 */
public final class FlatteningExperiment {

    /** The bottleneck's child name. */
    public static final String BOTTLENECK = "06Linear";

    private static final int BOTTLENECK_CHILD = 6;

    private final int epochs;
    private final long limit;
    private final long seed;

    /**
     * Creates the experiment.
     *
     * @param epochs training epochs of each variant
     * @param limit training images used (60,000 for all)
     * @param seed the seed
     */
    public FlatteningExperiment(int epochs, long limit, long seed) {
        this.epochs = epochs;
        this.limit = limit;
        this.seed = seed;
    }

    /**
     * One trained variant's figures.
     *
     * @param variant {@code "no mixup"}, {@code "input mixup"} or {@code "manifold mixup"}
     * @param testAccuracy accuracy on the test images
     * @param spectrum class-averaged singular values at the bottleneck, largest first
     */
    public record Outcome(String variant, float testAccuracy, double[] spectrum) {

        /**
         * Returns the largest singular value.
         *
         * @return {@code spectrum[0]}
         */
        public double largest() {
            return spectrum[0];
        }

        /**
         * Returns the sum of all singular values but the largest.
         *
         * @return the sum of the rest
         */
        public double rest() {
            double sum = 0;
            for (int i = 1; i < spectrum.length; i++) {
                sum += spectrum[i];
            }
            return sum;
        }
    }

    /**
     * Trains and measures the three variants.
     *
     * @return their outcomes
     * @throws Exception if the data cannot be read or a batch fails
     */
    public List<Outcome> run() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(run("no mixup", null));
        outcomes.add(
                run(
                        "input mixup",
                        ManifoldMixupTrainingListener.builder()
                                .optAlpha(2f)
                                .optMixingLayers("input")
                                .optSeed(seed)
                                .build()));
        outcomes.add(
                run(
                        "manifold mixup",
                        ManifoldMixupTrainingListener.builder()
                                .optAlpha(2f)
                                .optMixingLayers(BOTTLENECK)
                                .optSeed(seed)
                                .build()));
        return outcomes;
    }

    private Outcome run(String variant, ManifoldMixupTrainingListener mixup) throws Exception {
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("flattening")) {
            SequentialBlock block = network();
            model.setBlock(block);
            RandomAccessDataset train =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TRAIN)
                            .setSampling(128, true)
                            .optLimit(limit)
                            .optManager(manager)
                            .build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                                            .build());
            if (mixup != null) {
                config.addTrainingListeners(mixup);
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                EasyTrain.fit(trainer, epochs, train, null);
            }
            RandomAccessDataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(1000, false)
                            .optManager(manager)
                            .build();
            NDList bottleneck = new NDList();
            NDList logits = new NDList();
            NDList labels = new NDList();
            ParameterStore store = new ParameterStore(manager, false);
            List<Block> children = block.getChildren().values();
            for (Batch batch : test.getData(manager)) {
                NDList hidden = batch.getData();
                for (int i = 0; i < children.size(); i++) {
                    hidden = children.get(i).forward(store, hidden, false);
                    if (i == BOTTLENECK_CHILD - 1) {
                        bottleneck.add(keep(hidden.head(), manager));
                    }
                }
                logits.add(keep(hidden.head(), manager));
                labels.add(keep(batch.getLabels().head(), manager));
                batch.close();
            }
            NDArray features = NDArrays.concat(bottleneck);
            NDArray classes = NDArrays.concat(labels);
            float accuracy =
                    NDArrays.concat(logits)
                            .argMax(1)
                            .toType(DataType.FLOAT32, false)
                            .eq(classes)
                            .toType(DataType.FLOAT32, false)
                            .mean()
                            .getFloat();
            double[] spectrum =
                    ClassSpectra.mean(
                            ClassSpectra.of(
                                    features.toFloatArray(),
                                    (int) features.getShape().get(1),
                                    classes.toFloatArray(),
                                    10));
            return new Outcome(variant, accuracy, spectrum);
        }
    }

    /** Moves an array out of its batch, which is closed when the iteration moves on. */
    private static NDArray keep(NDArray array, NDManager manager) {
        array.attach(manager);
        return array;
    }

    /** The MLP: flatten, two ReLU layers of 512, the 12-unit bottleneck, the classifier. */
    static SequentialBlock network() {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock(784))
                .add(Linear.builder().setUnits(512).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(512).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(12).build())
                .add(Linear.builder().setUnits(10).build());
    }
}
