/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPaddedCropTest {

    private static final int PADDING = 2;

    @Test
    void eachImageIsAWindowOfItsOwnPaddedImageAtAnIndependentOffset() {
        int n = 16;
        int c = 2;
        int h = 5;
        int w = 6;
        try (NDManager manager = NDManager.newBaseManager()) {
            // positive pixels, so the zero padding is told apart from the image
            NDArray images = manager.randomUniform(0.1f, 1f, new Shape(n, c, h, w));
            NDArray cropped = new RandomPaddedCrop(PADDING).transform(images);
            assertEquals(images.getShape(), cropped.getShape());
            float[] in = images.toFloatArray();
            float[] out = cropped.toFloatArray();
            Set<Integer> offsets = new HashSet<>();
            for (int b = 0; b < n; b++) {
                int offset = findOffset(in, out, b, c, h, w);
                assertTrue(offset >= 0, "example " + b + " is not a shifted window of its input");
                offsets.add(offset);
            }
            assertTrue(offsets.size() > 1, "every example got the same offset: " + offsets);
        }
    }

    @Test
    void aSingleImageKeepsItsShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray image = manager.ones(new Shape(1, 28, 28));
            NDArray cropped = new RandomPaddedCrop(PADDING).transform(image);
            assertEquals(new Shape(1, 28, 28), cropped.getShape());
            assertTrue(cropped.min().getFloat() >= 0 && cropped.max().getFloat() == 1f);
        }
    }

    @Test
    void paddingMustBePositive() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new RandomPaddedCrop(0));
        assertTrue(error.getMessage().contains("at least 1"), error.getMessage());
    }

    /** Returns the index of the offset whose window matches example b, or -1. */
    private static int findOffset(float[] in, float[] out, int b, int c, int h, int w) {
        int span = 2 * PADDING + 1;
        for (int dy = 0; dy < span; dy++) {
            for (int dx = 0; dx < span; dx++) {
                if (matches(in, out, b, c, h, w, dy - PADDING, dx - PADDING)) {
                    return dy * span + dx;
                }
            }
        }
        return -1;
    }

    /** Whether out[b] equals in[b] shifted so that out pixel (i, j) reads in pixel (i+sy, j+sx). */
    private static boolean matches(
            float[] in, float[] out, int b, int c, int h, int w, int sy, int sx) {
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int y = i + sy;
                    int x = j + sx;
                    float expected =
                            y < 0 || y >= h || x < 0 || x >= w
                                    ? 0f
                                    : in[((b * c + k) * h + y) * w + x];
                    if (out[((b * c + k) * h + i) * w + j] != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
