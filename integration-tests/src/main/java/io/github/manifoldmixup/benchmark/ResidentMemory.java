/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The process's resident memory, as Linux reports it in {@code /proc/self/status}. */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /**
     * Returns the resident set size ({@code VmRSS}) of this process.
     *
     * @return megabytes (2^20 bytes)
     * @throws IllegalStateException off Linux, where there is no {@code /proc/self/status}
     */
    static double residentMb() {
        try {
            return kilobytes(Files.readAllLines(STATUS), "VmRSS") / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STATUS + " (Linux only)", e);
        }
    }

    /** Reads a {@code "Key: 1234 kB"} line of a {@code /proc} status file. */
    static long kilobytes(List<String> statusLines, String key) {
        for (String line : statusLines) {
            if (line.startsWith(key + ":")) {
                String[] fields = line.substring(key.length() + 1).trim().split("\\s+");
                if (fields.length == 2 && "kB".equals(fields[1])) {
                    return Long.parseLong(fields[0]);
                }
            }
        }
        throw new IllegalStateException("No '" + key + ": N kB' line in " + statusLines);
    }
}
