/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replaces a file, or creates a directory, only once its new content is complete: the content is
 * written to a temporary file or directory beside the destination (in the same directory, so on the
 * same file system), then renamed over it with {@link StandardCopyOption#ATOMIC_MOVE}. If writing
 * fails, the temporary is deleted and the destination is as it was.
 *
 * <p>Temporary files and directories are created private ({@code rw-------}, {@code rwx------});
 * what they become is made readable by all ({@code rw-r--r--}, {@code rwxr-xr-x}) where the file
 * system has POSIX permissions, like a file written in place.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface FileContent {

        /**
         * Writes the whole content.
         *
         * @param file the (temporary) file to write; it exists and is empty
         * @throws IOException if it cannot be written
         */
        void writeTo(Path file) throws IOException;
    }

    /** Writes the content of a directory. */
    @FunctionalInterface
    public interface DirectoryContent {

        /**
         * Writes the whole content.
         *
         * @param directory the (temporary) directory to fill; it exists and is empty
         * @throws IOException if it cannot be written
         */
        void writeTo(Path directory) throws IOException;
    }

    /**
     * Writes a text file atomically.
     *
     * @param target the file to write or replace; its directory is created if missing
     * @param text its new content, in UTF-8
     * @throws IOException if it cannot be written; the old file is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
    }

    /**
     * Writes a file atomically: its content to a temporary file beside it, which then replaces it.
     *
     * @param target the file to write or replace; its directory is created if missing
     * @param content writes the new content
     * @throws IOException if it cannot be written; the old file is then unchanged
     */
    public static void write(Path target, FileContent content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
        try {
            content.writeTo(temporary);
            setPermissions(temporary, "rw-r--r--");
            replace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Renames a complete file over its target, atomically.
     *
     * @param source the complete file, in the target's file system
     * @param target the file it replaces, or creates
     * @throws IOException if it cannot be moved
     */
    public static void replace(Path source, Path target) throws IOException {
        Files.move(
                source,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Refuses a destination that {@link #createDirectory} cannot fill: one that exists and is not
     * an empty directory. Call it to fail before expensive work.
     *
     * @param target the directory to create
     * @throws IllegalArgumentException if {@code target} exists and is not an empty directory
     * @throws IOException if it cannot be read
     */
    public static void requireNewDirectory(Path target) throws IOException {
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException(
                    "Cannot write into "
                            + target
                            + ": it exists and is not an empty directory. Name a new directory,"
                            + " or remove this one first.");
        }
    }

    /**
     * Creates a directory atomically: its content is written into a temporary directory beside it,
     * which is then renamed to it. A directory that exists and is empty is replaced; any other
     * existing file or directory is refused, and nothing is written.
     *
     * @param directory the directory to create
     * @param content writes the directory's files
     * @throws IllegalArgumentException if {@code directory} exists and is not an empty directory,
     *     or becomes one while the content is written
     * @throws IOException if writing fails (nothing is left behind)
     */
    public static void createDirectory(Path directory, DirectoryContent content)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        requireNewDirectory(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, target.getFileName() + ".tmp-");
        boolean moved = false;
        try {
            content.writeTo(temporary);
            setPermissions(temporary, "rwxr-xr-x");
            Files.deleteIfExists(target); // an empty directory, checked above
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new IllegalArgumentException(
                    "Cannot write into " + target + ": it was created while writing.", e);
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * Deletes a file, or a directory with everything in it, if it exists.
     *
     * @param path the file or directory
     * @throws IOException if something in it cannot be deleted
     */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Deletes what a failed write left, without hiding the failure behind another. */
    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException | RuntimeException e) {
            // the failure being thrown says more; the temporary's name says what it is
        }
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
