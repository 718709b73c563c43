/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistFilesTest {

    @Test
    void gzippedFilesArePreferredAndPlainOnesAccepted(@TempDir Path directory) throws IOException {
        for (String name :
                List.of(
                        "train-images-idx3-ubyte.gz",
                        "train-images-idx3-ubyte",
                        "train-labels-idx1-ubyte",
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte")) {
            Files.createFile(directory.resolve(name));
        }
        Map<String, Path> items = FashionMnistFiles.locate(directory).items();
        assertEquals(
                Map.of(
                        "train_data", directory.resolve("train-images-idx3-ubyte.gz"),
                        "train_labels", directory.resolve("train-labels-idx1-ubyte"),
                        "test_data", directory.resolve("t10k-images-idx3-ubyte.gz"),
                        "test_labels", directory.resolve("t10k-labels-idx1-ubyte")),
                items);
    }

    @Test
    void onlyTheMissingFilesAreListed(@TempDir Path directory) throws IOException {
        Files.createFile(directory.resolve("train-images-idx3-ubyte.gz"));
        Files.createFile(directory.resolve("train-labels-idx1-ubyte.gz"));
        String message =
                assertThrows(FileNotFoundException.class, () -> FashionMnistFiles.locate(directory))
                        .getMessage();
        assertTrue(message.contains("t10k-images-idx3-ubyte"), message);
        assertTrue(message.contains("t10k-labels-idx1-ubyte"), message);
        assertFalse(message.contains("train-"), message);
    }
}
