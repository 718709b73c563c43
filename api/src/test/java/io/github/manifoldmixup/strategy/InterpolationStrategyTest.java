/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterpolationStrategyTest {

    private final MixupStrategy mixup = new InterpolationStrategy();

    @Test
    void oneLambdaPerBatchInterpolatesWithThePartners() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray hidden = manager.arange(12f).reshape(3, 2, 2);
            MixedState mixed = mixup.mix(hidden, context(manager, new float[] {0.25f}));
            // rows 0, 1, 2 are mixed with rows 2, 0, 1
            float[] h = hidden.toFloatArray();
            float[] expected = new float[12];
            int[] partner = {2, 0, 1};
            for (int i = 0; i < 12; i++) {
                expected[i] = 0.25f * h[i] + 0.75f * h[partner[i / 4] * 4 + i % 4];
            }
            assertArrayEquals(expected, mixed.hidden().toFloatArray(), 1e-6f);
            assertEquals(new Shape(), mixed.targetWeight().getShape());
            assertEquals(0.25f, mixed.targetWeight().getFloat());
        }
    }

    @Test
    void oneLambdaPerExampleScalesEachRowByItsOwn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray hidden = manager.arange(12f).reshape(3, 2, 2);
            float[] lambdas = {1f, 0f, 0.5f};
            MixedState mixed = mixup.mix(hidden, context(manager, lambdas));
            float[] h = hidden.toFloatArray();
            int[] partner = {2, 0, 1};
            float[] expected = new float[12];
            for (int i = 0; i < 12; i++) {
                float lambda = lambdas[i / 4];
                expected[i] = lambda * h[i] + (1 - lambda) * h[partner[i / 4] * 4 + i % 4];
            }
            assertArrayEquals(expected, mixed.hidden().toFloatArray(), 1e-6f);
            assertArrayEquals(lambdas, mixed.targetWeight().toFloatArray());
            assertEquals(
                    new Shape(3, 1, 1),
                    MixingContext.alongBatch(mixed.targetWeight(), hidden).getShape());
        }
    }

    private static MixingContext context(NDManager manager, float[] lambdas) {
        return new MixingContext(
                "test",
                lambdas,
                manager.create(new long[] {2, 0, 1}),
                manager,
                new SplittableRandom(1));
    }
}
