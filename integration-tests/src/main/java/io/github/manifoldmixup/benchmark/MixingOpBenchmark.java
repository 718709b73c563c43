/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.manifoldmixup.pytorch.PtCutMixStrategy;
import io.github.manifoldmixup.pytorch.PtInterpolationStrategy;
import io.github.manifoldmixup.pytorch.PtPatchUpStrategy;
import io.github.manifoldmixup.strategy.MixingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the mixing operations alone (the three built-in strategies), forward and backward, on a
 * large hidden state, beside two references measured in the same run: the same interpolation
 * written with advanced indexing ({@code h[p]}, as the paper's code writes it), and the
 * memory-traffic floor of mixing, an element-wise sum of two existing arrays of the state's size
 * (it reads the batch twice and writes it once, as any mixing must).
 *
 * <p>Arguments: {@code [--shape 128,16,28,28] [--steps 40] [--warmup 5]}; prints medians in
 * milliseconds, the ratios to the floor, and the floor's bandwidth (three times the state's bytes
 * over its time), which tells whether the state fits in the CPU's caches: use a large state such as
 * {@code --shape 128,64,56,56} (103 MB, the first stage of an ImageNet ResNet) to measure against
 * memory.
 */
public final class MixingOpBenchmark {

    private MixingOpBenchmark() {}

    /** A way of mixing {@code h}; {@code other} is a second array of its size, made beforehand. */
    private interface Mix {
        NDArray apply(NDArray hidden, NDArray other, MixingContext context);
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --shape B,C,H,W}, {@code --steps N}, {@code --warmup N}
     */
    public static void main(String[] args) {
        long[] dims =
                Arrays.stream(BenchmarkArgs.stringArg(args, "--shape", "128,16,28,28").split(","))
                        .mapToLong(Long::parseLong)
                        .toArray();
        Shape shape = new Shape(dims);
        int steps = BenchmarkArgs.intArg(args, "--steps", 40);
        int warmup = BenchmarkArgs.intArg(args, "--warmup", 5);
        PtInterpolationStrategy strategy = new PtInterpolationStrategy();
        PtCutMixStrategy cutMix = new PtCutMixStrategy();
        PtPatchUpStrategy patchUp = new PtPatchUpStrategy();
        Map<String, Mix> mixes = new LinkedHashMap<>();
        mixes.put("floor: a + b", (h, other, c) -> h.add(other));
        mixes.put("strategy 'mixup' (gather)", (h, other, c) -> strategy.mix(h, c).hidden());
        mixes.put("strategy 'cutmix'", (h, other, c) -> cutMix.mix(h, c).hidden());
        mixes.put("strategy 'patchup' (hard)", (h, other, c) -> patchUp.mix(h, c).hidden());
        mixes.put(
                "advanced indexing h[p]",
                (h, other, c) -> {
                    NDArray partner = h.get(c.permutation());
                    return partner.add(h.sub(partner).mul(c.lambda()));
                });
        double stateMb = shape.size() * 4 / 1e6;
        System.out.printf(
                Locale.ROOT,
                "mixing op on %s float32 (%.1f MB), %d steps%n",
                shape,
                stateMb,
                steps);
        Map<String, double[]> results = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray state = manager.randomNormal(shape);
            for (int round = 0; round < 2; round++) {
                for (Map.Entry<String, Mix> mix : mixes.entrySet()) {
                    results.put(mix.getKey(), time(manager, state, mix.getValue(), steps, warmup));
                }
            }
        }
        double[] floor = results.get("floor: a + b");
        System.out.printf(
                Locale.ROOT,
                "floor forward moves 3 x %.1f MB in %.2f ms: %.1f GB/s%n",
                stateMb,
                floor[0],
                3 * stateMb / floor[0]);
        for (Map.Entry<String, double[]> result : results.entrySet()) {
            double[] ms = result.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "%-28s forward %6.2f ms (%.2fx floor)  backward %6.2f ms (%.2fx floor)%n",
                    result.getKey(),
                    ms[0],
                    ms[0] / floor[0],
                    ms[1],
                    ms[1] / floor[1]);
        }
    }

    /** Median forward and backward milliseconds of one way of mixing. */
    private static double[] time(NDManager base, NDArray state, Mix mix, int steps, int warmup) {
        List<Double> forward = new ArrayList<>();
        List<Double> backward = new ArrayList<>();
        for (int step = 0; step < warmup + steps; step++) {
            try (NDManager manager = base.newSubManager()) {
                NDArray hidden = state.duplicate();
                hidden.attach(manager);
                hidden.setRequiresGradient(true);
                NDArray other = manager.ones(state.getShape());
                NDArray upstream = manager.ones(state.getShape());
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    long start = System.nanoTime();
                    MixingContext context =
                            new MixingContext(
                                    "bench",
                                    new float[] {0.3f},
                                    manager.randomPermutation(state.getShape().get(0)),
                                    manager,
                                    new SplittableRandom(step));
                    NDArray mixed = mix.apply(hidden, other, context);
                    mixed.getShape(); // the CPU engine is synchronous: the op has finished
                    long middle = System.nanoTime();
                    collector.backward(mixed.mul(upstream).sum());
                    long end = System.nanoTime();
                    if (step >= warmup) {
                        forward.add((middle - start) / 1e6);
                        backward.add((end - middle) / 1e6);
                    }
                }
            }
        }
        return new double[] {BenchmarkArgs.median(forward), BenchmarkArgs.median(backward)};
    }
}
