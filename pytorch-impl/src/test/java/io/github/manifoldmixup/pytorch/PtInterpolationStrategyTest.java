/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.strategy.MixupStrategy;
import io.github.manifoldmixup.testing.NDManagerPerTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PtInterpolationStrategyTest extends NDManagerPerTest {

    private static final long[] PERMUTATION = {2, 0, 3, 1};
    private static final float LAMBDA = 0.3f;

    private MixingContext context(float lambda) {
        return new MixingContext(
                "input",
                new float[] {lambda},
                manager.create(PERMUTATION),
                manager,
                new SplittableRandom(0));
    }

    @Test
    void isTheDefaultStrategyFoundByServiceLoader() {
        MixupStrategy strategy = MixupStrategies.find("mixup");
        assertInstanceOf(PtInterpolationStrategy.class, strategy);
        assertTrue(strategy.supports(Engine.getEngine("PyTorch")));
    }

    @Test
    void mixesEachRowWithItsPartnerExactly() {
        // a (4, 2, 3) batch: row i holds values 100 i + j
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 * (i / 6) + i % 6;
        }
        NDArray hidden = manager.create(values, new Shape(4, 2, 3));
        MixedState mixed = new PtInterpolationStrategy().mix(hidden, context(LAMBDA));

        float[] expected = new float[24];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                expected[6 * i + j] =
                        LAMBDA * values[6 * i + j]
                                + (1 - LAMBDA) * values[6 * (int) PERMUTATION[i] + j];
            }
        }
        assertEquals(new Shape(4, 2, 3), mixed.hidden().getShape());
        assertArrayEquals(expected, mixed.hidden().toFloatArray(), 1e-4f);
        assertEquals(new Shape(), mixed.targetWeight().getShape());
        assertEquals(LAMBDA, mixed.targetWeight().getFloat());
    }

    @Test
    void elemModeMixesEachRowWithItsOwnLambda() {
        float[] lambdas = {0.1f, 0.4f, 0.7f, 1f};
        NDArray hidden = manager.arange(8f).reshape(4, 2);
        MixingContext context =
                new MixingContext(
                        "input",
                        lambdas,
                        manager.create(PERMUTATION),
                        manager,
                        new SplittableRandom(0));
        MixedState mixed = new PtInterpolationStrategy().mix(hidden, context);
        float[] h = hidden.toFloatArray();
        float[] expected = new float[8];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                expected[2 * i + j] =
                        lambdas[i] * h[2 * i + j]
                                + (1 - lambdas[i]) * h[2 * (int) PERMUTATION[i] + j];
            }
        }
        assertArrayEquals(expected, mixed.hidden().toFloatArray(), 1e-5f);
        assertArrayEquals(lambdas, mixed.targetWeight().toFloatArray(), 0f);
    }

    @Test
    void lambdaOneKeepsTheBatchAndZeroTakesThePartners() {
        NDArray hidden = manager.arange(8f).reshape(4, 2);
        assertArrayEquals(
                hidden.toFloatArray(),
                new PtInterpolationStrategy().mix(hidden, context(1f)).hidden().toFloatArray());
        assertArrayEquals(
                new float[] {4, 5, 0, 1, 6, 7, 2, 3},
                new PtInterpolationStrategy().mix(hidden, context(0f)).hidden().toFloatArray());
    }

    @Test
    void gradientsFlowToBothTheExampleAndItsPartner() {
        NDArray hidden = manager.ones(new Shape(4, 2));
        hidden.setRequiresGradient(true);
        NDArray rowWeights = manager.create(new float[] {1, 2, 3, 4}).reshape(4, 1);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray mixed = new PtInterpolationStrategy().mix(hidden, context(LAMBDA)).hidden();
            collector.backward(mixed.mul(rowWeights).sum());
        }
        // d/dh[r] = lambda * c[r] + (1 - lambda) * c[i] for the row i whose partner is r
        float[] expected = new float[8];
        float[] c = {1, 2, 3, 4};
        for (int i = 0; i < 4; i++) {
            int r = (int) PERMUTATION[i];
            for (int j = 0; j < 2; j++) {
                expected[2 * i + j] += LAMBDA * c[i];
                expected[2 * r + j] += (1 - LAMBDA) * c[i];
            }
        }
        assertArrayEquals(expected, hidden.getGradient().toFloatArray(), 1e-5f);
    }

    @Test
    void keepsEveryArrayOnTheContextsDeviceAndTheHiddenDataType() {
        NDArray hidden = manager.ones(new Shape(4, 3), DataType.FLOAT16);
        MixedState mixed = new PtInterpolationStrategy().mix(hidden, context(LAMBDA));
        assertEquals(manager.getDevice(), mixed.hidden().getDevice());
        assertEquals(manager.getDevice(), mixed.targetWeight().getDevice());
        assertEquals(DataType.FLOAT16, mixed.hidden().getDataType());
    }

    @Test
    void refusesArraysOfAnotherEngine() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new PtInterpolationStrategy()
                                        .mix(
                                                mock(NDArray.class, RETURNS_DEEP_STUBS),
                                                context(LAMBDA)));
        assertTrue(e.getMessage().contains("mixes PyTorch tensors"), e.getMessage());
    }
}
