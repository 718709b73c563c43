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
import io.github.manifoldmixup.layer.LayerSelector;
import io.github.manifoldmixup.layer.MixingPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreActResNetTest {

    private static final Shape CIFAR_BATCH = new Shape(2, 3, 32, 32);

    @Test
    void resNet18MapsA32x32BatchToClassScores() {
        Block network = PreActResNet.builder().setNumLayers(18).setNumClasses(10).build();
        assertEquals(new Shape(2, 10), forwardShape(network, CIFAR_BATCH, true));
    }

    @Test
    void resNet18HasTwoTwoTwoTwoBlocksAfterTheStem() {
        Block network = PreActResNet.builder().setNumLayers(18).setNumClasses(10).build();
        assertEquals(List.of(1 + 2, 2, 2, 2), stageSizes(network));
    }

    @Test
    void resNet34HasThreeFourSixThreeBlocksAndTheDocumentedStageShapes() {
        Block network = PreActResNet.builder().setNumLayers(34).setNumClasses(100).build();
        assertEquals(List.of(1 + 3, 4, 6, 3), stageSizes(network));
        assertEquals(
                new Shape(2, 64, 32, 32), outputShapeOf(network, "01SequentialBlock", CIFAR_BATCH));
        assertEquals(
                new Shape(2, 128, 16, 16),
                outputShapeOf(network, "02SequentialBlock", CIFAR_BATCH));
        assertEquals(
                new Shape(2, 256, 8, 8),
                outputShapeOf(network, "03SequentialBlock/01SequentialBlock", CIFAR_BATCH));
        assertEquals(
                new Shape(2, 512, 4, 4),
                outputShapeOf(network, "03SequentialBlock/02SequentialBlock", CIFAR_BATCH));
        assertEquals(new Shape(2, 100), network.getOutputShapes(new Shape[] {CIFAR_BATCH})[0]);
    }

    @Test
    void automaticMixingLayersAreAfterStageOneAndStageTwo() {
        for (int layers : new int[] {18, 34}) {
            Block network = PreActResNet.builder().setNumLayers(layers).setNumClasses(10).build();
            assertEquals(
                    List.of("01SequentialBlock", "02SequentialBlock"),
                    automaticMixingLayers(network));
        }
    }

    @Test
    void withTheInputTheAutomaticChoiceIsThePapersSetAndLaterStagesCanBeNamed() {
        Block network = PreActResNet.builder().setNumLayers(18).setNumClasses(10).build();
        assertEquals(
                List.of("input", "01SequentialBlock", "02SequentialBlock"),
                names(LayerSelector.select(network, List.of(), true)));
        List<String> later =
                List.of(
                        "03SequentialBlock/01SequentialBlock",
                        "03SequentialBlock/02SequentialBlock");
        assertEquals(later, names(LayerSelector.select(network, later, false)));
    }

    private static List<String> names(List<MixingPoint> points) {
        return points.stream().map(MixingPoint::name).toList();
    }

    @Test
    void unsupportedDepthAndMissingClassesSayHowToFixThem() {
        IllegalArgumentException depth =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PreActResNet.builder().setNumLayers(50).setNumClasses(10).build());
        assertTrue(depth.getMessage().contains("setNumLayers(18)"), depth.getMessage());
        IllegalArgumentException classes =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PreActResNet.builder().setNumLayers(18).build());
        assertTrue(classes.getMessage().contains("setNumClasses"), classes.getMessage());
    }
}
