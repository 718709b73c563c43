/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
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
        try (NDManager manager = NDManager.newBaseManager();
                Model unchecked = ResNet20Steps.model("unchecked");
                Model checked = ResNet20Steps.model("checked");
                Trainer uncheckedTrainer = unchecked.newTrainer(config(false));
                Trainer checkedTrainer = checked.newTrainer(config(true))) {
            Shape shape = new Shape(batch, 1, 28, 28);
            uncheckedTrainer.initialize(shape);
            checkedTrainer.initialize(shape);
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

    private static DefaultTrainingConfig config(boolean check) {
        return ResNet20Steps.config(
                ManifoldMixupTrainingListener.builder()
                        .optAlpha(2f)
                        .optIncludeInput(true)
                        .optMixingLayers("04ParallelBlock", "07ParallelBlock")
                        .optNonFiniteCheck(check)
                        .optSeed(0)
                        .build());
    }
}
