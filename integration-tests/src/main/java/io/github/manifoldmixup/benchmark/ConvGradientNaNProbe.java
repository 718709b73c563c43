/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks for NaN weight gradients in the first convolution of a small network trained with plain SGD
 * and no mixing, over a grid of shapes: the oneDNN fault of libtorch 2.7.1 on AVX-512 CPUs.
 *
 * <p>The network is {@code Conv2d(F, 3x3, padding 1), ReLU, Conv2d(2F, 3x3, padding 1, stride 2),
 * ReLU, flatten, Linear(10)} (initialized for one example, as most training code does) on random
 * images in [0, 1) with random labels. Each shape is trained from {@code --runs} seeds for {@code
 * --steps} steps; a run counts as faulty if a gradient of the first convolution's weight is
 * non-finite at any step. One line per shape: the shape, the faulty runs of the first and of the
 * second convolution, and the first faulty step. The CPU instruction set oneDNN may use is read
 * from {@code ONEDNN_MAX_CPU_ISA} when the process starts, so compare settings in separate
 * processes ({@code integration-tests/bench/onednn-nan-sweep.sh}).
 *
 * <p>Arguments: {@code [--channels 1,3] [--sizes 16,28,32] [--filters 8,16] [--batches 16,64]
 * [--steps 5] [--runs 3]}.
 */
public final class ConvGradientNaNProbe {

    private ConvGradientNaNProbe() {}

    /**
     * Runs the sweep and prints one line per shape.
     *
     * @param args comma-separated lists of each dimension, the steps and the runs per shape
     */
    public static void main(String[] args) {
        int steps = BenchmarkArgs.intArg(args, "--steps", 5);
        int runs = BenchmarkArgs.intArg(args, "--runs", 3);
        String isa = System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "default");
        System.out.println(
                "channels size filters batch isa conv1_nan_runs conv2_nan_runs first_step");
        for (int channels : BenchmarkArgs.intListArg(args, "--channels", "1,3")) {
            for (int size : BenchmarkArgs.intListArg(args, "--sizes", "16,28,32")) {
                for (int filters : BenchmarkArgs.intListArg(args, "--filters", "8,16")) {
                    for (int batch : BenchmarkArgs.intListArg(args, "--batches", "16,64")) {
                        Shape input = new Shape(batch, channels, size, size);
                        System.out.println(probe(input, filters, steps, runs, isa));
                    }
                }
            }
        }
    }

    private static String probe(Shape input, int filters, int steps, int runs, String isa) {
        int firstFaulty = 0;
        int secondFaulty = 0;
        List<Integer> firstSteps = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int[] faultSteps = train(input, filters, steps, run);
            if (faultSteps[0] >= 0) {
                firstFaulty++;
                firstSteps.add(faultSteps[0]);
            }
            if (faultSteps[1] >= 0) {
                secondFaulty++;
            }
        }
        return String.format(
                Locale.ROOT,
                "%d %d %d %d %s %d/%d %d/%d %s",
                input.get(1),
                input.get(2),
                filters,
                input.get(0),
                isa,
                firstFaulty,
                runs,
                secondFaulty,
                runs,
                firstSteps.isEmpty() ? "-" : firstSteps.toString().replace(" ", ""));
    }

    /**
     * Trains one network; returns the first step with a non-finite weight gradient in the first and
     * in the second convolution, or -1.
     */
    private static int[] train(Shape input, int filters, int steps, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        int[] faultSteps = {-1, -1};
        try (Model model = Model.newInstance("probe");
                NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(network(filters));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.1f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, input.get(1), input.get(2), input.get(3)));
                Parameter[] weights = convolutionWeights(model);
                for (int step = 0; step < steps; step++) {
                    try (NDManager stepManager = manager.newSubManager()) {
                        NDArray x = stepManager.randomUniform(0f, 1f, input);
                        NDArray y =
                                stepManager.randomInteger(
                                        0, 10, new Shape(input.get(0)), DataType.FLOAT32);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(new NDList(x));
                            collector.backward(
                                    trainer.getLoss().evaluate(new NDList(y), predictions));
                        }
                        for (int i = 0; i < 2; i++) {
                            if (faultSteps[i] < 0 && !finite(weights[i].getArray().getGradient())) {
                                faultSteps[i] = step;
                            }
                        }
                        trainer.step();
                    }
                }
            }
        }
        return faultSteps;
    }

    private static SequentialBlock network(int filters) {
        return new SequentialBlock()
                .add(convolution(filters, 1))
                .add(Activation.reluBlock())
                .add(convolution(2 * filters, 2))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    private static Conv2d convolution(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .optStride(new Shape(stride, stride))
                .setFilters(filters)
                .build();
    }

    private static Parameter[] convolutionWeights(Model model) {
        Parameter[] weights = new Parameter[2];
        int found = 0;
        for (var entry : model.getBlock().getParameters()) {
            if (entry.getKey().endsWith("Conv2d_weight") && found < 2) {
                weights[found++] = entry.getValue();
            }
        }
        return weights;
    }

    private static boolean finite(NDArray gradient) {
        try (NDArray sum = gradient.sum()) {
            return Float.isFinite(sum.getFloat());
        }
    }
}
