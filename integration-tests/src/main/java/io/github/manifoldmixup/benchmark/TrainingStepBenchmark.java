/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.engine.Engine;
import ai.djl.metric.Metric;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times one training step of DJL's ResNetV1-20 on (1, 28, 28) inputs, plain and with the Manifold
 * Mixup listener, in one process, alternating step by step, and prints the medians and their ratio.
 *
 * <p>The setting mirrors {@code shared/bench/torch_resnet20_step.py}: batch 128, a fixed random
 * batch, SGD (learning rate 0.1, momentum 0.9, weight decay 1e-4), mixing drawn from {input, after
 * stage 1, after stage 2} with {@code lambda ~ Beta(2, 2)}. Each step's arrays live in a manager
 * closed at the end of the step, as {@code EasyTrain.fit} does with its batches (see {@link
 * ResNet20Steps}).
 *
 * <p>Arguments: {@code [--batch 128] [--steps 30] [--warmup 5]}.
 */
public final class TrainingStepBenchmark {

    private TrainingStepBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --batch N}, {@code --steps N}, {@code --warmup N}
     */
    public static void main(String[] args) {
        int batch = BenchmarkArgs.intArg(args, "--batch", 128);
        int steps = BenchmarkArgs.intArg(args, "--steps", 30);
        int warmup = BenchmarkArgs.intArg(args, "--warmup", 5);
        Engine.getInstance().setRandomSeed(0);
        Shape shape = new Shape(batch).addAll(ResNet20Steps.IMAGE);
        try (NDManager manager = NDManager.newBaseManager();
                TrainerPair trainers = TrainerPair.plainAndMixup(shape)) {
            Trainer plainTrainer = trainers.first();
            Trainer mixTrainer = trainers.second();
            plainTrainer.setMetrics(new Metrics());
            mixTrainer.setMetrics(new Metrics());
            NDArray x = manager.randomNormal(shape);
            NDArray y = manager.randomInteger(0, 10, new Shape(batch), x.getDataType());
            List<Double> plainTimes = new ArrayList<>();
            List<Double> mixTimes = new ArrayList<>();
            for (int step = 0; step < warmup + steps; step++) {
                double plainMs = step(plainTrainer, x, y);
                double mixMs = step(mixTrainer, x, y);
                if (step >= warmup) {
                    plainTimes.add(plainMs);
                    mixTimes.add(mixMs);
                }
            }
            double plainMedian = BenchmarkArgs.median(plainTimes);
            double mixMedian = BenchmarkArgs.median(mixTimes);
            System.out.printf(
                    Locale.ROOT,
                    "DJL %s plain median step %.1f ms%n",
                    Engine.getDjlVersion(),
                    plainMedian);
            System.out.printf(
                    Locale.ROOT,
                    "DJL %s manifold-mixup median step %.1f ms%n",
                    Engine.getDjlVersion(),
                    mixMedian);
            System.out.println(phases("plain", plainTrainer.getMetrics(), warmup));
            System.out.println(phases("manifold-mixup", mixTrainer.getMetrics(), warmup));
            System.out.printf(
                    Locale.ROOT,
                    "plain_ms=%.1f mix_ms=%.1f ratio=%.3f%n",
                    plainMedian,
                    mixMedian,
                    mixMedian / plainMedian);
        }
    }

    /** One training step on a copy of the fixed batch. */
    private static double step(Trainer trainer, NDArray x, NDArray y) {
        return ResNet20Steps.step(trainer, ResNet20Steps.copiesOf(x, y));
    }

    /** Medians of the phases DJL's trainer times: forward, loss and backward, optimizer step. */
    private static String phases(String mode, Metrics metrics, int warmup) {
        StringBuilder line = new StringBuilder(mode).append(" median phases:");
        for (String phase : new String[] {"forward", "backward", "step"}) {
            List<Metric> all = metrics.getMetric(phase);
            List<Double> ms = new ArrayList<>();
            for (Metric metric : all.subList(warmup, all.size())) {
                ms.add(metric.getValue().doubleValue() / 1e6);
            }
            line.append(String.format(Locale.ROOT, " %s %.1f ms", phase, BenchmarkArgs.median(ms)));
        }
        return line.toString();
    }
}
