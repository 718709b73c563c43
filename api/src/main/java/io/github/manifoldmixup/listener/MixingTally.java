/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import io.github.manifoldmixup.layer.MixingPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** Thread-safe counters of the current epoch, turned into {@link MixingStatistics} per epoch. */
final class MixingTally {

    private final List<MixingPoint> points;
    private final AtomicLongArray perPoint;
    private final DoubleAdder lambdaSum = new DoubleAdder();
    private final AtomicLong unmixed = new AtomicLong();

    MixingTally(List<MixingPoint> points) {
        this.points = points;
        this.perPoint = new AtomicLongArray(points.size());
    }

    void mixed(int pointIndex, float lambda) {
        perPoint.incrementAndGet(pointIndex);
        lambdaSum.add(lambda);
    }

    void unmixed() {
        unmixed.incrementAndGet();
    }

    /** Returns the statistics so far and starts counting afresh. */
    synchronized MixingStatistics takeEpoch(int epoch) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < points.size(); i++) {
            long count = perPoint.getAndSet(i, 0);
            counts.put(points.get(i).name(), count);
            total += count;
        }
        double sum = lambdaSum.sumThenReset();
        return new MixingStatistics(
                epoch, counts, unmixed.getAndSet(0), total == 0 ? Double.NaN : sum / total);
    }
}
