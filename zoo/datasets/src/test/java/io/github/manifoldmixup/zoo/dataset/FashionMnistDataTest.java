/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the files of Debian's {@code dataset-fashion-mnist}, which .ci/run installs. */
class FashionMnistDataTest {

    @Test
    void testSplitGivesBatchesOfImagesInZeroOneAndFloatClassLabels()
            throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist test = dataset(manager, Dataset.Usage.TEST, 100, 300, false);
            test.prepare();
            assertEquals(300, test.size());
            int batches = 0;
            for (Batch batch : test.getData(manager)) {
                try (batch) {
                    NDArray images = batch.getData().singletonOrThrow();
                    NDArray labels = batch.getLabels().singletonOrThrow();
                    assertEquals(new Shape(100, 1, 28, 28), images.getShape());
                    assertEquals(DataType.FLOAT32, images.getDataType());
                    assertTrue(images.min().getFloat() >= 0f);
                    assertTrue(images.max().getFloat() <= 1f);
                    assertEquals(new Shape(100), labels.getShape());
                    assertEquals(DataType.FLOAT32, labels.getDataType());
                    float[] classes = labels.toFloatArray();
                    for (float c : classes) {
                        assertTrue(c >= 0 && c <= 9 && c == Math.round(c), "label " + c);
                    }
                    assertTrue(Arrays.stream(toInts(classes)).distinct().count() >= 5);
                    batches++;
                }
            }
            assertEquals(3, batches);
        }
    }

    @Test
    void splitsReadTheirOwnFilesInTheirOrder() throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch train = firstBatch(manager, Dataset.Usage.TRAIN, false);
            assertArrayEquals(
                    new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5},
                    toInts(train.getLabels().singletonOrThrow().toFloatArray()));
            Batch test = firstBatch(manager, Dataset.Usage.TEST, false);
            assertArrayEquals(
                    new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7},
                    toInts(test.getLabels().singletonOrThrow().toFloatArray()));
            // the first test image's pixels add up to 33456 / 255 in the IDX file
            NDArray first = test.getData().singletonOrThrow().get(0);
            assertEquals(33456f / 255f, first.sum().getFloat(), 1e-2f);
            assertEquals(1f, first.max().getFloat());
        }
    }

    @Test
    void augmentationKeepsShapeAndRangeAndOnlyMovesPixels() throws IOException, TranslateException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray plain = firstBatch(manager, Dataset.Usage.TEST, false).getData().head();
            NDArray augmented = firstBatch(manager, Dataset.Usage.TEST, true).getData().head();
            assertEquals(plain.getShape(), augmented.getShape());
            assertEquals(DataType.FLOAT32, augmented.getDataType());
            assertTrue(augmented.min().getFloat() >= 0f && augmented.max().getFloat() <= 1f);
            // a shift with zero padding can only lose ink at the border, a flip keeps it
            float[] plainInk = plain.sum(new int[] {1, 2, 3}).toFloatArray();
            float[] augmentedInk = augmented.sum(new int[] {1, 2, 3}).toFloatArray();
            for (int i = 0; i < plainInk.length; i++) {
                assertTrue(augmentedInk[i] <= plainInk[i] + 1e-3f, "example " + i + " gained ink");
            }
            assertFalse(plain.contentEquals(augmented), "augmentation left 10 images unchanged");
        }
    }

    @Test
    void anEmptyDirectoryNamesThePackageToInstallAndTheDirectory(@TempDir Path empty) {
        FileNotFoundException error =
                assertThrows(
                        FileNotFoundException.class,
                        () ->
                                FashionMnistData.builder()
                                        .setUsage(Dataset.Usage.TRAIN)
                                        .setSampling(32, true)
                                        .optDirectory(empty)
                                        .build());
        String message = error.getMessage();
        assertTrue(message.contains("apt-get install dataset-fashion-mnist"), message);
        assertTrue(message.contains(empty.toAbsolutePath().toString()), message);
        assertTrue(message.contains("train-images-idx3-ubyte"), message);
    }

    @Test
    void theSystemPropertyPointsAtAnotherDirectory(@TempDir Path empty) {
        String previous = System.getProperty(FashionMnistData.DIRECTORY_PROPERTY);
        System.setProperty(FashionMnistData.DIRECTORY_PROPERTY, empty.toString());
        try {
            FileNotFoundException error =
                    assertThrows(
                            FileNotFoundException.class,
                            () ->
                                    FashionMnistData.builder()
                                            .setUsage(Dataset.Usage.TEST)
                                            .setSampling(32, false)
                                            .build());
            assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(FashionMnistData.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(FashionMnistData.DIRECTORY_PROPERTY, previous);
            }
        }
    }

    @Test
    void missingSettingsSayHowToSetThem() {
        IllegalArgumentException usage =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                FashionMnistData.builder()
                                        .setUsage(Dataset.Usage.VALIDATION)
                                        .setSampling(32, true)
                                        .build());
        assertTrue(
                usage.getMessage().contains("setUsage(Dataset.Usage.TRAIN)"), usage.getMessage());
        IllegalArgumentException sampling =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FashionMnistData.builder().setUsage(Dataset.Usage.TEST).build());
        assertTrue(sampling.getMessage().contains("setSampling"), sampling.getMessage());
    }

    private static FashionMnist dataset(
            NDManager manager, Dataset.Usage usage, int batchSize, long limit, boolean augment)
            throws IOException {
        return FashionMnistData.builder()
                .setUsage(usage)
                .setSampling(batchSize, false)
                .optLimit(limit)
                .optAugmentation(augment)
                .optManager(manager)
                .build();
    }

    private static Batch firstBatch(NDManager manager, Dataset.Usage usage, boolean augment)
            throws IOException, TranslateException {
        return dataset(manager, usage, 10, 10, augment).getData(manager).iterator().next();
    }

    private static int[] toInts(float[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.round(values[i]);
        }
        return ints;
    }
}
