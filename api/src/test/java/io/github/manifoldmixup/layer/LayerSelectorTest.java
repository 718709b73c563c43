/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.SymbolBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSelectorTest {

    private static Block resnet20() {
        return ResNetV1.builder()
                .setImageShape(new Shape(1, 28, 28))
                .setNumLayers(20)
                .setOutSize(10)
                .build();
    }

    private static List<String> names(List<MixingPoint> points) {
        return points.stream().map(MixingPoint::name).toList();
    }

    @Test
    void automaticChoiceOnResNet20TakesUnitBoundariesAndPooledFeaturesButNotTheClassifier() {
        List<MixingPoint> points = LayerSelector.select(resnet20(), List.of(), false);
        assertEquals(
                List.of(
                        "01Conv2d",
                        "02ParallelBlock",
                        "03ParallelBlock",
                        "04ParallelBlock",
                        "05ParallelBlock",
                        "06ParallelBlock",
                        "07ParallelBlock",
                        "08ParallelBlock",
                        "09ParallelBlock",
                        "12LambdaBlock"),
                names(points));
        assertEquals(List.of(11), points.get(9).path());
    }

    @Test
    void automaticChoiceOnMlpMixesAfterEachActivationAndNotTheFlattenedInput() {
        Block mlp = new Mlp(2, 2, new int[] {16, 16});
        assertEquals(
                List.of("03LambdaBlock", "05LambdaBlock"),
                names(LayerSelector.select(mlp, List.of(), false)));
        assertEquals(
                List.of("input", "03LambdaBlock", "05LambdaBlock"),
                names(LayerSelector.select(mlp, List.of(), true)));
    }

    @Test
    void namesAndOneBasedNumbersSelectTheSameChild() {
        Block block = resnet20();
        MixingPoint byName = LayerSelector.select(block, List.of("04ParallelBlock"), false).get(0);
        MixingPoint byNumber = LayerSelector.select(block, List.of("4"), false).get(0);
        assertEquals(byName, byNumber);
        assertEquals(List.of(3), byName.path());
        assertEquals(
                MixingPoint.INPUT_POINT, LayerSelector.select(block, List.of("0"), false).get(0));
    }

    @Test
    void nestedPathsReachChildrenOfNestedSequentialBlocks() {
        SequentialBlock inner = new SequentialBlock().add(Linear.builder().setUnits(4).build());
        inner.add(Activation.reluBlock());
        SequentialBlock outer = new SequentialBlock().add(inner);
        outer.add(Linear.builder().setUnits(2).build());
        MixingPoint byName =
                LayerSelector.select(outer, List.of("01SequentialBlock/02LambdaBlock"), false)
                        .get(0);
        assertEquals(List.of(0, 1), byName.path());
        assertEquals(byName, LayerSelector.select(outer, List.of("1/2"), false).get(0));
        assertTrue(LayerSelector.availableNames(outer).contains("01SequentialBlock/02LambdaBlock"));
    }

    @Test
    void unknownNameListsTheAvailableNames() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerSelector.select(resnet20(), List.of("04Conv2d"), false));
        assertTrue(e.getMessage().contains("Unknown mixing layer '04Conv2d'"), e.getMessage());
        assertTrue(e.getMessage().contains("04ParallelBlock"), e.getMessage());
        assertTrue(e.getMessage().contains("14LambdaBlock"), e.getMessage());
    }

    @Test
    void unknownIndexListsTheAvailableNames() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerSelector.select(resnet20(), List.of("15"), false));
        assertTrue(e.getMessage().contains("Unknown mixing layer '15'"), e.getMessage());
        assertTrue(e.getMessage().contains("01Conv2d"), e.getMessage());
    }

    @Test
    void refusesToMixBetweenTheBranchesOfAResidualUnit() {
        for (String layer : new String[] {"02ParallelBlock/1", "2/1"}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> LayerSelector.select(resnet20(), List.of(layer), false));
            assertTrue(e.getMessage().contains("not a SequentialBlock"), e.getMessage());
            assertTrue(e.getMessage().contains("(a ParallelBlock"), e.getMessage());
            assertTrue(e.getMessage().contains("branches"), e.getMessage());
        }
    }

    @Test
    void refusesToMixInsideABlockWithoutChildrenAndSaysItHasNone() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerSelector.select(resnet20(), List.of("12LambdaBlock/1"), false));
        assertTrue(e.getMessage().contains("'12LambdaBlock' (a LambdaBlock"), e.getMessage());
        assertTrue(e.getMessage().contains("no children"), e.getMessage());
        assertFalse(e.getMessage().contains("residual"), e.getMessage());
        assertFalse(e.getMessage().contains("branches"), e.getMessage());
    }

    /**
     * The README's advice for 32x32 inputs: DJL's ResNetV1 takes only the ImageNet depths there
     * (not 20), and ResNetV1-18 has four stages of two units, so the paper's points are {@code
     * 03ParallelBlock} (after stage 1) and {@code 05ParallelBlock} (after stage 2).
     */
    @Test
    void resNetV1On32x32TakesOnlyImageNetDepthsAndItsStagesEndWhereTheReadmeSays() {
        Shape image = new Shape(3, 32, 32);
        IllegalArgumentException twenty =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ResNetV1.builder()
                                        .setImageShape(image)
                                        .setNumLayers(20)
                                        .setOutSize(10)
                                        .build());
        assertTrue(twenty.getMessage().contains("num_layers 20"), twenty.getMessage());
        Block resnet18 =
                ResNetV1.builder().setImageShape(image).setNumLayers(18).setOutSize(10).build();
        assertEquals(
                List.of(
                        "01Conv2d",
                        "02ParallelBlock",
                        "03ParallelBlock",
                        "04ParallelBlock",
                        "05ParallelBlock",
                        "06ParallelBlock",
                        "07ParallelBlock",
                        "08ParallelBlock",
                        "11LambdaBlock"),
                names(LayerSelector.select(resnet18, List.of(), false)));
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape[] shapes = {new Shape(2).addAll(image)};
            resnet18.initialize(manager, DataType.FLOAT32, shapes);
            Shape afterStage1 = null;
            Shape afterStage2 = null;
            for (var child : resnet18.getChildren()) {
                shapes = child.getValue().getOutputShapes(shapes);
                if (child.getKey().equals("03ParallelBlock")) {
                    afterStage1 = shapes[0];
                } else if (child.getKey().equals("05ParallelBlock")) {
                    afterStage2 = shapes[0];
                }
            }
            // stage 1 keeps the resolution; stage 2 halves it and doubles the channels
            assertEquals(new Shape(2, 64, 32, 32), afterStage1);
            assertEquals(new Shape(2, 128, 16, 16), afterStage2);
        }
    }

    @Test
    void aBlockThatIsNotSequentialCanOnlyBeInputMixed() {
        Block linear = Linear.builder().setUnits(3).build();
        assertEquals(
                List.of(MixingPoint.INPUT_POINT), LayerSelector.select(linear, List.of(), true));
        IllegalArgumentException named =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerSelector.select(linear, List.of("1"), false));
        assertTrue(named.getMessage().contains("Cannot mix hidden states of a Linear"));
        assertTrue(named.getMessage().contains("SequentialBlock"));
        assertThrows(
                IllegalArgumentException.class,
                () -> LayerSelector.select(linear, List.of(), false));
    }

    @Test
    void aLayerNamedTwiceIsAnError() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LayerSelector.select(
                                        resnet20(), List.of("04ParallelBlock", "4"), false));
        assertTrue(e.getMessage().contains("named twice"), e.getMessage());
    }

    @Test
    void aModelWithoutBlockIsAnError() {
        assertThrows(
                IllegalArgumentException.class, () -> LayerSelector.select(null, List.of(), true));
    }

    @Test
    void aSymbolBlockTrainsWithInputMixupAndRefusesHiddenLayers() {
        SymbolBlock symbol = mock(SymbolBlock.class);
        when(symbol.getChildren()).thenReturn(new BlockList());
        assertEquals(
                List.of(MixingPoint.INPUT_POINT), LayerSelector.select(symbol, List.of(), false));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LayerSelector.select(symbol, List.of("3"), false));
        assertTrue(e.getMessage().contains("DJL cannot see inside it"), e.getMessage());
    }
}
