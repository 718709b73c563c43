/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A long run of ResNet-20 training steps, plain and with the Manifold Mixup listener in one
 * process, that watches step time and memory for growth.
 *
 * <p>The two trainers (the setting of {@link ResNet20Steps}) alternate step by step, in turns
 * (plain first on even steps, mixed first on odd ones), so drift of the machine affects both alike.
 * Every step draws new random images and labels in a manager closed at the end of the step, so an
 * array leaked per step would pile up. After each window of steps it prints a markdown row: the
 * median step time of each, the resident memory of the process ({@code VmRSS}), and the number and
 * size of the NDArrays still alive in the whole process (parameters, optimizer state and anything
 * leaked). At the end it gives the growth over the windows after the first (which carries the
 * allocators' and the JIT's warm-up) and a verdict.
 *
 * <p>Arguments: {@code [--steps 3000] [--window 500] [--batch 128] [--warmup 10]}.
 */
public final class LongRunBenchmark {

    /** A rise of resident memory, first steady window to last, beyond which it is growth. */
    private static final double RSS_TOLERANCE = 1.05;

    /** A rise of median step time, first steady window to last, beyond which it is growth. */
    private static final double TIME_TOLERANCE = 1.10;

    private LongRunBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --steps N}, {@code --window N}, {@code --batch N}, {@code --warmup N}
     */
    public static void main(String[] args) {
        int steps = BenchmarkArgs.intArg(args, "--steps", 3000);
        int window = BenchmarkArgs.intArg(args, "--window", 500);
        int batch = BenchmarkArgs.intArg(args, "--batch", 128);
        int warmup = BenchmarkArgs.intArg(args, "--warmup", 10);
        if (window < 1 || steps < window) {
            throw new IllegalArgumentException(
                    "Need --window >= 1 and --steps >= --window, got " + steps + ", " + window);
        }
        int windows = steps / window;
        Shape shape = new Shape(batch).addAll(ResNet20Steps.IMAGE);
        Engine.getInstance().setRandomSeed(0);
        System.out.printf(
                Locale.ROOT,
                "ResNet-20, batch %d, %d steps each plain and with Manifold Mixup, in windows of"
                        + " %d (DJL %s)%n%n",
                batch,
                windows * window,
                window,
                Engine.getDjlVersion());
        System.out.println(
                "| window | steps | plain ms | mixup ms | mixup / plain | RSS MB | live arrays |"
                        + " live array MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double[][] columns = new double[5][windows];
        try (NDManager host = NDManager.newBaseManager();
                TrainerPair trainers = TrainerPair.plainAndMixup(shape)) {
            Trainer plainTrainer = trainers.first();
            Trainer mixTrainer = trainers.second();
            NDManager root = root(host);
            ResNet20Steps.StepData data =
                    stepManager ->
                            new NDList[] {
                                new NDList(stepManager.randomUniform(0f, 1f, shape)),
                                new NDList(
                                        stepManager.randomInteger(
                                                0, 10, new Shape(batch), DataType.FLOAT32))
                            };
            for (int step = 0; step < warmup; step++) {
                ResNet20Steps.step(plainTrainer, data);
                ResNet20Steps.step(mixTrainer, data);
            }
            for (int w = 0; w < windows; w++) {
                List<Double> plainMs = new ArrayList<>();
                List<Double> mixMs = new ArrayList<>();
                for (int step = 0; step < window; step++) {
                    if (step % 2 == 0) {
                        plainMs.add(ResNet20Steps.step(plainTrainer, data));
                        mixMs.add(ResNet20Steps.step(mixTrainer, data));
                    } else {
                        mixMs.add(ResNet20Steps.step(mixTrainer, data));
                        plainMs.add(ResNet20Steps.step(plainTrainer, data));
                    }
                }
                List<NDArray> live = root.getManagedArrays();
                columns[0][w] = BenchmarkArgs.median(plainMs);
                columns[1][w] = BenchmarkArgs.median(mixMs);
                columns[2][w] = ResidentMemory.residentMb();
                columns[3][w] = live.size();
                columns[4][w] = bytes(live) / (1024.0 * 1024.0);
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %d-%d | %.1f | %.1f | %.3f | %.0f | %.0f | %.1f |%n",
                        w + 1,
                        w * window + 1,
                        (w + 1) * window,
                        columns[0][w],
                        columns[1][w],
                        columns[1][w] / columns[0][w],
                        columns[2][w],
                        columns[3][w],
                        columns[4][w]);
            }
        }
        System.out.println();
        verdict(columns, window);
    }

    /**
     * Prints the growth over the steady windows (all but the first, when there are three or more).
     */
    private static void verdict(double[][] columns, int window) {
        int from = columns[0].length >= 3 ? 1 : 0;
        double[] plainMs = steady(columns[0], from);
        double[] mixMs = steady(columns[1], from);
        double[] rss = steady(columns[2], from);
        double[] arrays = steady(columns[3], from);
        double perThousand = 1000.0 / window;
        System.out.printf(
                Locale.ROOT,
                "windows %d-%d: RSS %.0f -> %.0f MB (x%.3f, slope %+.1f MB per 1000 steps);"
                        + " live arrays %.0f -> %.0f; median step plain x%.3f, mixup x%.3f"
                        + " (last window over first)%n",
                from + 1,
                columns[0].length,
                rss[0],
                rss[rss.length - 1],
                Growth.lastOverFirst(rss),
                rss.length > 1 ? Growth.slopePerWindow(rss) * perThousand : 0.0,
                arrays[0],
                arrays[arrays.length - 1],
                Growth.lastOverFirst(plainMs),
                Growth.lastOverFirst(mixMs));
        List<String> growing = new ArrayList<>();
        if (arrays[arrays.length - 1] > arrays[0]) {
            growing.add("live arrays");
        }
        if (Growth.lastOverFirst(rss) > RSS_TOLERANCE) {
            growing.add("resident memory");
        }
        if (Growth.lastOverFirst(plainMs) > TIME_TOLERANCE) {
            growing.add("plain step time");
        }
        if (Growth.lastOverFirst(mixMs) > TIME_TOLERANCE) {
            growing.add("mixup step time");
        }
        System.out.println(
                growing.isEmpty()
                        ? String.format(
                                Locale.ROOT,
                                "verdict: flat (no more live arrays, RSS within x%.2f, step times"
                                        + " within x%.2f)",
                                RSS_TOLERANCE,
                                TIME_TOLERANCE)
                        : "verdict: GROWTH in " + String.join(", ", growing));
    }

    private static double[] steady(double[] values, int from) {
        return Arrays.copyOfRange(values, from, values.length);
    }

    private static NDManager root(NDManager manager) {
        NDManager root = manager;
        while (root.getParentManager() != null) {
            root = root.getParentManager();
        }
        return root;
    }

    private static long bytes(List<NDArray> arrays) {
        long sum = 0;
        for (NDArray array : arrays) {
            sum += array.getShape().size() * array.getDataType().getNumOfBytes();
        }
        return sum;
    }
}
