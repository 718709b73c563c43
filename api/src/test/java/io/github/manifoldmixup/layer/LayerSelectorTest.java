package io.github.manifoldmixup.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
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
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LayerSelector.select(
                                        resnet20(), List.of("02ParallelBlock/1"), false));
        assertTrue(e.getMessage().contains("not a SequentialBlock"), e.getMessage());
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
