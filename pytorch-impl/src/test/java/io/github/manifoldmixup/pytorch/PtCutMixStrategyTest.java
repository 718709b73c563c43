/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.manifoldmixup.pytorch.PtCutMixStrategy.Box;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.testing.NDManagerPerTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PtCutMixStrategyTest extends NDManagerPerTest {

    private static final long[] PERMUTATION = {2, 0, 1};
    private static final int C = 2;
    private static final int H = 4;
    private static final int W = 5;

    private NDArray hidden;
    private float[] values;

    @BeforeEach
    void setUp() {
        hidden = manager.arange((float) (3 * C * H * W)).reshape(3, C, H, W);
        values = hidden.toFloatArray();
    }

    /** The expected output on the host: row i takes its partner's values inside its box. */
    private float[] expected(Box... boxes) {
        float[] out = values.clone();
        for (int i = 0; i < 3; i++) {
            Box box = boxes[boxes.length == 1 ? 0 : i];
            for (int c = 0; c < C; c++) {
                for (int y = box.top(); y < box.bottom(); y++) {
                    for (int x = box.left(); x < box.right(); x++) {
                        int offset = ((c * H) + y) * W + x;
                        out[i * C * H * W + offset] =
                                values[(int) PERMUTATION[i] * C * H * W + offset];
                    }
                }
            }
        }
        return out;
    }

    @Test
    void onePastedBoxPerBatchWithTheWeightOfTheAreaKept() {
        Box box = new Box(1, 3, 2, 5);
        MixedState mixed =
                PtCutMixStrategy.mixWithBoxes(
                        hidden, manager.create(PERMUTATION), manager, new Box[] {box});
        assertArrayEquals(expected(box), mixed.hidden().toFloatArray(), 0f);
        assertEquals(new Shape(), mixed.targetWeight().getShape());
        assertEquals(1 - 6f / 20, mixed.targetWeight().getFloat(), 1e-6f);
    }

    @Test
    void elemModePastesOneBoxPerExampleWithItsOwnWeight() {
        Box[] boxes = {new Box(0, 4, 0, 5), new Box(0, 0, 0, 0), new Box(3, 4, 1, 2)};
        MixedState mixed =
                PtCutMixStrategy.mixWithBoxes(hidden, manager.create(PERMUTATION), manager, boxes);
        assertArrayEquals(expected(boxes), mixed.hidden().toFloatArray(), 0f);
        assertArrayEquals(
                new float[] {0f, 1f, 1 - 1f / 20}, mixed.targetWeight().toFloatArray(), 1e-6f);
    }

    @Test
    void boxesCoverAboutOneMinusLambdaAndAreClippedToTheMap() {
        SplittableRandom random = new SplittableRandom(1);
        // lambda 0: a box the size of the map, centred at a random pixel, so at least a quarter
        assertTrue(Box.draw(0f, H, W, random).area() >= (H / 2) * (W / 2 + 1));
        for (int i = 0; i < 1000; i++) {
            float lambda = (float) random.nextDouble();
            Box box = Box.draw(lambda, 28, 28, random);
            assertTrue(box.top() >= 0 && box.bottom() <= 28 && box.top() <= box.bottom());
            assertTrue(box.left() >= 0 && box.right() <= 28 && box.left() <= box.right());
            int side = (int) (28 * Math.sqrt(1 - lambda));
            assertTrue(box.area() <= side * side, "clipping only shrinks the box");
        }
        assertEquals(0, Box.draw(1f, H, W, random).area(), "lambda 1 pastes nothing");
    }

    @Test
    void throughTheSpiTheSameSeedGivesTheSameBoxes() {
        MixedState first = mix(new SplittableRandom(9), new float[] {0.6f});
        MixedState second = mix(new SplittableRandom(9), new float[] {0.6f});
        assertArrayEquals(first.hidden().toFloatArray(), second.hidden().toFloatArray(), 0f);
        assertEquals(first.targetWeight().getFloat(), second.targetWeight().getFloat());
        MixedState elem = mix(new SplittableRandom(9), new float[] {0.2f, 0.5f, 0.9f});
        assertEquals(new Shape(3), elem.targetWeight().getShape());
    }

    private MixedState mix(SplittableRandom random, float[] lambdas) {
        return MixupStrategies.find("cutmix")
                .mix(
                        hidden,
                        new MixingContext(
                                "input", lambdas, manager.create(PERMUTATION), manager, random));
    }

    @Test
    void refusesStatesThatAreNotFeatureMaps() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new PtCutMixStrategy().validate("03LambdaBlock", new Shape(1, 64)));
        assertEquals(
                "The 'cutmix' strategy works on NCHW feature maps, but mixing point"
                        + " '03LambdaBlock' outputs (1, 64). Mix that point with 'mixup', or"
                        + " choose the input or a convolutional layer of an image network.",
                e.getMessage());
    }
}
