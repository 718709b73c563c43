/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import static io.github.manifoldmixup.zoo.network.NetworkFixtures.automaticMixingLayers;
import static io.github.manifoldmixup.zoo.network.NetworkFixtures.forwardShape;
import static io.github.manifoldmixup.zoo.network.NetworkFixtures.outputShapeOf;
import static io.github.manifoldmixup.zoo.network.NetworkFixtures.stageSizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class WideResNetTest {

    private static final Shape CIFAR_BATCH = new Shape(2, 3, 32, 32);

    @Test
    void wrn28x10HasFourBlocksPerStageAndTheDocumentedStageShapes() {
        Block network = WideResNet.builder().setNumClasses(10).optDropoutRate(0.3f).build();
        assertEquals(List.of(1 + 4, 4, 4), stageSizes(network));
        assertEquals(
                new Shape(2, 160, 32, 32),
                outputShapeOf(network, "01SequentialBlock", CIFAR_BATCH));
        assertEquals(
                new Shape(2, 320, 16, 16),
                outputShapeOf(network, "02SequentialBlock", CIFAR_BATCH));
        assertEquals(
                new Shape(2, 640, 8, 8),
                outputShapeOf(network, "03SequentialBlock/01SequentialBlock", CIFAR_BATCH));
        assertEquals(new Shape(2, 10), network.getOutputShapes(new Shape[] {CIFAR_BATCH})[0]);
    }

    @Test
    void aNarrowWideResNetWithDropoutTrainsForwardOnA32x32Batch() {
        Block network =
                WideResNet.builder()
                        .setNumClasses(100)
                        .optDepth(10)
                        .optWidenFactor(1)
                        .optDropoutRate(0.3f)
                        .build();
        assertEquals(List.of(1 + 1, 1, 1), stageSizes(network));
        assertEquals(new Shape(2, 100), forwardShape(network, CIFAR_BATCH, true));
    }

    @Test
    void automaticMixingLayersAreAfterStageOneAndStageTwo() {
        assertEquals(
                List.of("01SequentialBlock", "02SequentialBlock"),
                automaticMixingLayers(WideResNet.builder().setNumClasses(10).build()));
    }

    @Test
    void outOfRangeSettingsSayHowToFixThem() {
        IllegalArgumentException depth =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WideResNet.builder().setNumClasses(10).optDepth(27).build());
        assertTrue(depth.getMessage().contains("optDepth"), depth.getMessage());
        IllegalArgumentException dropout =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WideResNet.builder().setNumClasses(10).optDropoutRate(1f).build());
        assertTrue(dropout.getMessage().contains("optDropoutRate"), dropout.getMessage());
        IllegalArgumentException classes =
                assertThrows(IllegalArgumentException.class, () -> WideResNet.builder().build());
        assertTrue(classes.getMessage().contains("setNumClasses"), classes.getMessage());
    }
}
