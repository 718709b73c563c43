/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** The finiteness test: one sum, confirmed element-wise when the sum is not finite. */
class NonFiniteGuardTest {

    @Test
    void largeFiniteValuesWhoseSumOverflowsAreFinite() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray large = manager.create(new float[] {3e38f, 3e38f, 3e38f});
            assertTrue(Float.isInfinite(large.sum().getFloat()), "the sum overflows");
            assertTrue(NonFiniteGuard.finite(large));
        }
    }

    @Test
    void aSingleNaNOrInfinityIsFound() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertFalse(NonFiniteGuard.finite(manager.create(new float[] {1f, Float.NaN, 2f})));
            assertFalse(
                    NonFiniteGuard.finite(
                            manager.create(new float[] {1f, Float.NEGATIVE_INFINITY, 2f})));
            assertFalse(
                    NonFiniteGuard.finite(
                            manager.create(new double[] {Double.POSITIVE_INFINITY, 0, 0})
                                    .reshape(3, 1)));
            assertTrue(NonFiniteGuard.finite(manager.create(new float[] {1f, -2f, 0f})));
        }
    }

    @Test
    void integerArraysAreFiniteAndTheCheckLeavesNoArraysBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertTrue(NonFiniteGuard.finite(manager.arange(5).toType(DataType.INT64, false)));
            NDArray state = manager.create(new float[] {1f, Float.NaN});
            int before = manager.getManagedArrays().size();
            NonFiniteGuard.finite(state);
            assertEquals(before, manager.getManagedArrays().size());
        }
    }
}
