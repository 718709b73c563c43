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

class SmallPreActResNetTest {

    private static final Shape MNIST_BATCH = new Shape(4, 1, 28, 28);

    @Test
    void resNet20MapsA28x28BatchToClassScoresInTrainingAndInference() {
        Block training = SmallPreActResNet.builder().setNumClasses(10).build();
        assertEquals(new Shape(4, 10), forwardShape(training, MNIST_BATCH, true));
        Block inference = SmallPreActResNet.builder().setNumClasses(10).build();
        assertEquals(new Shape(4, 10), forwardShape(inference, MNIST_BATCH, false));
    }

    @Test
    void stagesHaveTheConfiguredBlocksAndTheDocumentedShapes() {
        Block network = SmallPreActResNet.builder().setNumClasses(10).optBlocksPerStage(2).build();
        assertEquals(List.of(1 + 2, 2, 2), stageSizes(network));
        assertEquals(
                new Shape(4, 16, 28, 28), outputShapeOf(network, "01SequentialBlock", MNIST_BATCH));
        assertEquals(
                new Shape(4, 32, 14, 14), outputShapeOf(network, "02SequentialBlock", MNIST_BATCH));
        assertEquals(
                new Shape(4, 64, 7, 7),
                outputShapeOf(network, "03SequentialBlock/01SequentialBlock", MNIST_BATCH));
    }

    @Test
    void automaticMixingLayersAreAfterStageOneAndStageTwo() {
        for (int blocks : new int[] {1, 3}) {
            Block network =
                    SmallPreActResNet.builder().setNumClasses(10).optBlocksPerStage(blocks).build();
            assertEquals(
                    List.of("01SequentialBlock", "02SequentialBlock"),
                    automaticMixingLayers(network));
        }
    }

    @Test
    void noBlocksPerStageSaysHowToFixIt() {
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SmallPreActResNet.builder()
                                        .setNumClasses(10)
                                        .optBlocksPerStage(0)
                                        .build());
        assertTrue(error.getMessage().contains("optBlocksPerStage"), error.getMessage());
    }
}
