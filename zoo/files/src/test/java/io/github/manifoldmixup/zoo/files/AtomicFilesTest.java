/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path temp;

    @Test
    void aWrittenFileReplacesTheOldOneAndIsReadableByAll() throws Exception {
        Path file = temp.resolve("sub/figures.json");
        AtomicFiles.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertEquals("new", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(
                "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("figures.json"), names(file.getParent()));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path file = temp.resolve("curve.png");
        AtomicFiles.writeString(file, "old");
        IOException thrown =
                assertThrows(
                        IOException.class,
                        () ->
                                AtomicFiles.write(
                                        file,
                                        partial -> {
                                            Files.writeString(partial, "half");
                                            throw new IOException("No space left on device");
                                        }));
        assertEquals("No space left on device", thrown.getMessage());
        assertEquals("old", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("curve.png"), names(temp));
    }

    @Test
    void aDirectoryIsCreatedWholeReadableByAllAndMayReplaceAnEmptyOne() throws Exception {
        Path directory = temp.resolve("model");
        Files.createDirectories(directory);
        AtomicFiles.createDirectory(
                directory, dir -> Files.writeString(dir.resolve("synset.txt"), "a\nb\n"));
        assertEquals(List.of("synset.txt"), names(directory));
        assertEquals(
                "rwxr-xr-x",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals(List.of("model"), names(temp));
    }

    @Test
    void aDirectoryThatHoldsFilesIsRefusedAndAFailedOneLeavesNothing() throws Exception {
        Path taken = temp.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("notes.txt"), "mine");
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AtomicFiles.createDirectory(taken, dir -> {}));
        assertTrue(refused.getMessage().contains("not an empty directory"), refused.getMessage());
        assertEquals(List.of("notes.txt"), names(taken));

        Path failed = temp.resolve("failed");
        assertThrows(
                IOException.class,
                () ->
                        AtomicFiles.createDirectory(
                                failed,
                                dir -> {
                                    Files.writeString(dir.resolve("half.params"), "DJL@");
                                    throw new IOException("interrupted");
                                }));
        assertFalse(Files.exists(failed));
        assertEquals(List.of("taken"), names(temp));
    }

    @Test
    void deleteTreeRemovesADirectoryWithItsContentAndIgnoresAMissingOne() throws Exception {
        Path tree = temp.resolve("epoch-0002.tmp");
        Files.createDirectories(tree.resolve("nested"));
        Files.writeString(tree.resolve("nested/model-0002.params"), "x");
        AtomicFiles.deleteTree(tree);
        AtomicFiles.deleteTree(tree);
        assertEquals(List.of(), names(temp));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
