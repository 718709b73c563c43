/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the ResNet-20 training step of {@link TrainingStepBenchmark} with the listener, with and
 * without its non-finite check (a reduction of the mixed state, added to the loss's sum and read
 * back to the host), alternating step by step in one process, and prints the medians and their
 * ratio.
 *
 * <p>Arguments: {@code [--batch 128] [--steps 40] [--warmup 5]}.
 */
public final class NonFiniteCheckBenchmark {

    private NonFiniteCheckBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --batch N}, {@code --steps N}, {@code --warmup N}
     */
    public static void main(String[] args) {
        int batch = BenchmarkArgs.intArg(args, "--batch", 128);
        int steps = BenchmarkArgs.intArg(args, "--steps", 40);
        int warmup = BenchmarkArgs.intArg(args, "--warmup", 5);
        Engine.getInstance().setRandomSeed(0);
        Shape shape = new Shape(batch).addAll(ResNet20Steps.IMAGE);
        try (NDManager manager = NDManager.newBaseManager();
                TrainerPair trainers =
                        new TrainerPair(
                                shape,
                                ResNet20Steps.paperListener().optNonFiniteCheck(false).build(),
                                ResNet20Steps.paperListener().optNonFiniteCheck(true).build())) {
            Trainer uncheckedTrainer = trainers.first();
            Trainer checkedTrainer = trainers.second();
            NDArray x = manager.randomNormal(shape);
            NDArray y = manager.randomInteger(0, 10, new Shape(batch), x.getDataType());
            List<Double> uncheckedTimes = new ArrayList<>();
            List<Double> checkedTimes = new ArrayList<>();
            for (int step = 0; step < warmup + steps; step++) {
                double uncheckedMs =
                        ResNet20Steps.step(uncheckedTrainer, ResNet20Steps.copiesOf(x, y));
                double checkedMs = ResNet20Steps.step(checkedTrainer, ResNet20Steps.copiesOf(x, y));
                if (step >= warmup) {
                    uncheckedTimes.add(uncheckedMs);
                    checkedTimes.add(checkedMs);
                }
            }
            double uncheckedMedian = BenchmarkArgs.median(uncheckedTimes);
            double checkedMedian = BenchmarkArgs.median(checkedTimes);
            System.out.printf(
                    Locale.ROOT,
                    "unchecked_ms=%.1f checked_ms=%.1f ratio=%.3f%n",
                    uncheckedMedian,
                    checkedMedian,
                    checkedMedian / uncheckedMedian);
        }
    }
}
