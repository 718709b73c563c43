/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** Thread-safe counters of the current epoch, turned into {@link MixingStatistics} per epoch. */
final class MixingTally {

    private final List<String> points;
    private final List<String> strategies;
    private final AtomicLongArray perPoint;
    private final AtomicLongArray perStrategy;
    private final DoubleAdder lambdaSum = new DoubleAdder();
    private final AtomicLong unmixed = new AtomicLong();

    MixingTally(List<String> points, List<String> strategies) {
        this.points = points;
        this.strategies = strategies;
        this.perPoint = new AtomicLongArray(points.size());
        this.perStrategy = new AtomicLongArray(strategies.size());
    }

    void mixed(int strategyIndex, int pointIndex, float[] lambdas) {
        double sum = 0;
        for (float lambda : lambdas) {
            sum += lambda;
        }
        perStrategy.incrementAndGet(strategyIndex);
        perPoint.incrementAndGet(pointIndex);
        lambdaSum.add(sum / lambdas.length);
    }

    void unmixed() {
        unmixed.incrementAndGet();
    }

    /** Returns the statistics so far and starts counting afresh. */
    synchronized MixingStatistics takeEpoch(int epoch) {
        Map<String, Long> byPoint = drain(points, perPoint);
        Map<String, Long> byStrategy = drain(strategies, perStrategy);
        long total = byPoint.values().stream().mapToLong(Long::longValue).sum();
        double sum = lambdaSum.sumThenReset();
        return new MixingStatistics(
                epoch,
                byPoint,
                byStrategy,
                unmixed.getAndSet(0),
                total == 0 ? Double.NaN : sum / total);
    }

    private static Map<String, Long> drain(List<String> names, AtomicLongArray counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.merge(names.get(i), counts.getAndSet(i, 0), Long::sum);
        }
        return map;
    }
}
