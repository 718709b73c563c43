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
 * @param batchesPerStrategy how many forward passes each strategy mixed, by strategy name
 * @param unmixedBatches training forward passes that were not mixed (a batch of one example, a
 *     batch not drawn with the mixing probability, an epoch with mixing off)
 * @param meanLambda the mean coefficient of the mixed passes, {@code NaN} if none was mixed
 */
public record MixingStatistics(
        int epoch,
        Map<String, Long> batchesPerLayer,
        Map<String, Long> batchesPerStrategy,
        long unmixedBatches,
        double meanLambda) {

    /**
     * Creates the statistics of an epoch.
     *
     * @param epoch the 0-based epoch
     * @param batchesPerLayer mixed forward passes per mixing point
     * @param batchesPerStrategy mixed forward passes per strategy
     * @param unmixedBatches forward passes that were not mixed
     * @param meanLambda the mean coefficient of the mixed passes
     */
    public MixingStatistics {
        batchesPerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(batchesPerLayer));
        batchesPerStrategy = Collections.unmodifiableMap(new LinkedHashMap<>(batchesPerStrategy));
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
        String strategies =
                batchesPerStrategy.size() < 2 ? "" : " by " + describe(batchesPerStrategy) + ";";
        return String.format(
                Locale.ROOT,
                "epoch %d: %d batches mixed (%s),%s mean lambda %.3f, %d unmixed",
                epoch,
                mixedBatches(),
                describe(batchesPerLayer),
                strategies,
                meanLambda,
                unmixedBatches);
    }

    private static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
