/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.manifoldmixup.testing.NDManagerPerTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The NDArray batch operation and the DJL transform. */
class CorruptionsTest extends NDManagerPerTest {

    private static float[] digits(int count) {
        float[] all = new float[count * 784];
        for (int i = 0; i < count; i++) {
            System.arraycopy(TestImages.digit(i), 0, all, i * 784, 784);
        }
        return all;
    }

    private static float[] colours(int count) {
        float[] all = new float[count * 3072];
        for (int i = 0; i < count; i++) {
            System.arraycopy(TestImages.smoothRgb(i), 0, all, i * 3072, 3072);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void theBatchOpEqualsThePerImageOpAndIgnoresTheBatchSplit(Corruption corruption) {
        float[] data = colours(6);
        NDArray batch = manager.create(data, new Shape(6, 3, 32, 32));
        NDArray whole = Corruptions.apply(batch, corruption, 4, 11, 0);
        assertEquals(batch.getShape(), whole.getShape());
        assertEquals(DataType.FLOAT32, whole.getDataType());
        NDArray first = Corruptions.apply(batch.get("0:3"), corruption, 4, 11, 0);
        NDArray second = Corruptions.apply(batch.get("3:6"), corruption, 4, 11, 3);
        float[] split = first.concat(second).toFloatArray();
        float[] all = whole.toFloatArray();
        assertArrayEquals(all, split);
        for (int i = 0; i < 6; i++) {
            float[] image = Arrays.copyOfRange(data, i * 3072, (i + 1) * 3072);
            float[] expected = corruption.apply(image, 3, 32, 32, 4, Corruptions.imageSeed(11, i));
            assertArrayEquals(expected, Arrays.copyOfRange(all, i * 3072, (i + 1) * 3072));
        }
        // a single (C, H, W) image is image 0 of a batch starting at firstIndex
        NDArray single = Corruptions.apply(batch.get(4), corruption, 4, 11, 4);
        assertArrayEquals(Arrays.copyOfRange(all, 4 * 3072, 5 * 3072), single.toFloatArray());
    }

    @Test
    void imagesOfABatchGetDifferentRandomness() {
        float[] one = TestImages.digit(0);
        float[] data = new float[2 * 784];
        System.arraycopy(one, 0, data, 0, 784);
        System.arraycopy(one, 0, data, 784, 784);
        float[] out =
                Corruptions.apply(
                                manager.create(data, new Shape(2, 1, 28, 28)),
                                Corruption.GAUSSIAN_NOISE,
                                2,
                                5,
                                0)
                        .toFloatArray();
        assertNotEquals(
                Arrays.toString(Arrays.copyOfRange(out, 0, 784)),
                Arrays.toString(Arrays.copyOfRange(out, 784, 1568)));
        assertNotEquals(Corruptions.imageSeed(5, 0), Corruptions.imageSeed(6, 0));
        assertNotEquals(Corruptions.imageSeed(5, 0), Corruptions.imageSeed(5, 1));
    }

    @Test
    void theBatchOpLeavesOnlyItsResultAlive() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray batch = sub.create(digits(4), new Shape(4, 1, 28, 28));
            NDArray asDouble = batch.toType(DataType.FLOAT64, true);
            int before = sub.getManagedArrays().size();
            NDArray out = Corruptions.apply(batch, Corruption.GLASS_BLUR, 2, 1, 0);
            assertEquals(before + 1, sub.getManagedArrays().size());
            assertEquals(sub, out.getManager());
            NDArray fromDouble = Corruptions.apply(asDouble, Corruption.GLASS_BLUR, 2, 1, 0);
            assertEquals(before + 2, sub.getManagedArrays().size());
            assertEquals(DataType.FLOAT32, fromDouble.getDataType());
            assertArrayEquals(out.toFloatArray(), fromDouble.toFloatArray(), 1e-6f);
            float[] values = out.toFloatArray();
            for (float v : values) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
    }

    @Test
    void theBatchOpRejectsBadInputClearly() {
        NDArray flat = manager.create(new float[784], new Shape(28, 28));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Corruptions.apply(flat, Corruption.FOG, 1, 0, 0));
        assertTrue(e.getMessage().contains("(28, 28)"), e.getMessage());
        assertTrue(e.getMessage().contains("4-D"), e.getMessage());
        NDArray ok = manager.create(new float[784], new Shape(1, 1, 28, 28));
        IllegalArgumentException severity =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Corruptions.apply(ok, Corruption.FOG, 9, 0, 0));
        assertTrue(severity.getMessage().contains("got 9"), severity.getMessage());
        assertThrows(NullPointerException.class, () -> Corruptions.apply(ok, null, 1, 0, 0));
        assertThrows(
                NullPointerException.class, () -> Corruptions.apply(null, Corruption.FOG, 1, 0, 0));
    }

    @Test
    void theTransformIsDeterministicPerImageContent() {
        CorruptionTransform transform = new CorruptionTransform(Corruption.SPATTER, 5, 3);
        NDArray a = manager.create(TestImages.smoothRgb(0), new Shape(3, 32, 32));
        NDArray b = manager.create(TestImages.smoothRgb(1), new Shape(3, 32, 32));
        float[] first = transform.transform(a).toFloatArray();
        float[] other = transform.transform(b).toFloatArray();
        float[] again = transform.transform(a).toFloatArray();
        assertArrayEquals(first, again);
        assertArrayEquals(
                first,
                new CorruptionTransform(Corruption.SPATTER, 5, 3).transform(a).toFloatArray());
        assertArrayEquals(
                other,
                new CorruptionTransform(Corruption.SPATTER, 5, 3).transform(b).toFloatArray());
        assertTrue(TestHelpers.differs(first, a.toFloatArray()));
        // another seed corrupts differently
        assertTrue(
                TestHelpers.differs(
                        first,
                        new CorruptionTransform(Corruption.SPATTER, 5, 4)
                                .transform(a)
                                .toFloatArray()));
        NDArray grey = manager.create(TestImages.digit(0), new Shape(1, 28, 28));
        NDArray out = new CorruptionTransform(Corruption.ROTATE, 2, 0).transform(grey);
        assertEquals(grey.getShape(), out.getShape());
        assertThrows(
                IllegalArgumentException.class,
                () -> new CorruptionTransform(Corruption.ROTATE, 0, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> transform.transform(manager.create(new float[4], new Shape(2, 2))));
    }

    @Test
    void theTransformGivesTheSameResultFromManyThreads() throws Exception {
        CorruptionTransform transform = new CorruptionTransform(Corruption.GLASS_BLUR, 3, 8);
        float[] image = TestImages.digit(4);
        float[] expected =
                transform.transform(manager.create(image, new Shape(1, 28, 28))).toFloatArray();
        Thread[] threads = new Thread[4];
        float[][] results = new float[threads.length][];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] =
                    new Thread(
                            () -> {
                                try (NDManager local = NDManager.newBaseManager()) {
                                    results[slot] =
                                            transform
                                                    .transform(
                                                            local.create(
                                                                    image, new Shape(1, 28, 28)))
                                                    .toFloatArray();
                                }
                            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (float[] result : results) {
            assertArrayEquals(expected, result);
        }
    }
}
