/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import java.util.Arrays;
import java.util.List;

/** Command-line options and medians shared by the benchmark mains. */
final class BenchmarkArgs {

    private BenchmarkArgs() {}

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    static int[] intListArg(String[] args, String name, String fallback) {
        return Arrays.stream(stringArg(args, name, fallback).split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
