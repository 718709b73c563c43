/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the listener did during one epoch.
 *
 * @param epoch the 0-based epoch
 * @param batchesPerLayer how many forward passes were mixed at each mixing point, in the order of
 *     the eligible set (points never drawn have 0)
 * @param unmixedBatches forward passes that were not mixed (a batch of one example)
 * @param meanLambda the mean coefficient of the mixed passes, {@code NaN} if none was mixed
 */
public record MixingStatistics(
        int epoch, Map<String, Long> batchesPerLayer, long unmixedBatches, double meanLambda) {

    /**
     * Creates the statistics of an epoch.
     *
     * @param epoch the 0-based epoch
     * @param batchesPerLayer mixed forward passes per mixing point
     * @param unmixedBatches forward passes that were not mixed
     * @param meanLambda the mean coefficient of the mixed passes
     */
    public MixingStatistics {
        batchesPerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(batchesPerLayer));
    }

    /**
     * Returns the number of mixed forward passes.
     *
     * @return the sum over all mixing points
     */
    public long mixedBatches() {
        return batchesPerLayer.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        String perLayer =
                batchesPerLayer.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "epoch %d: %d batches mixed (%s), mean lambda %.3f, %d unmixed",
                epoch,
                mixedBatches(),
                perLayer,
                meanLambda,
                unmixedBatches);
    }
}
