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
import org.junit.jupiter.api.Test;

class RandomHorizontalFlipTest {

    @Test
    void eachImageIsKeptOrMirroredOnItsOwn() {
        int n = 32;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.randomUniform(0f, 1f, new Shape(n, 2, 3, 4));
            NDArray flipped = new RandomHorizontalFlip().transform(images);
            NDArray mirrored = images.flip(3);
            assertEquals(images.getShape(), flipped.getShape());
            int kept = 0;
            int mirroredCount = 0;
            for (int b = 0; b < n; b++) {
                NDArray example = flipped.get(b);
                if (example.contentEquals(images.get(b))) {
                    kept++;
                } else if (example.contentEquals(mirrored.get(b))) {
                    mirroredCount++;
                }
            }
            assertEquals(n, kept + mirroredCount, "some images are neither kept nor mirrored");
            assertTrue(kept > 0 && mirroredCount > 0, "all or none flipped: " + kept + " kept");
        }
    }

    @Test
    void aSingleImageIsKeptOrMirrored() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray image = manager.arange(6f).reshape(1, 2, 3);
            NDArray flipped = new RandomHorizontalFlip().transform(image);
            assertTrue(flipped.contentEquals(image) || flipped.contentEquals(image.flip(2)));
        }
    }

    @Test
    void anArrayThatIsNotAnImageSaysWhereTheTransformGoes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pixels = manager.ones(new Shape(28, 28));
            IllegalArgumentException error =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> new RandomHorizontalFlip().transform(pixels));
            assertTrue(error.getMessage().contains("after ToTensor"), error.getMessage());
        }
    }
}
