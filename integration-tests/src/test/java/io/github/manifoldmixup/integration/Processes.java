/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs as a user would, in their own process, and keeps what they printed. */
final class Processes {

    private Processes() {}

    /** What a finished process printed, and its exit status. */
    record Result(int status, String out, String err) {

        /** Both streams, for assertion messages. */
        String both() {
            return "exit " + status + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /**
     * Runs a command in a directory and waits for it.
     *
     * @param directory the working directory
     * @param minutes how long it may take
     * @param command the program and its arguments
     * @return what it printed and its status
     */
    static Result run(Path directory, int minutes, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("process", ".out");
        Path err = Files.createTempFile("process", ".err");
        try {
            Process process =
                    new ProcessBuilder(command)
                            .directory(directory.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                            .start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            assertTrue(finished, "still running after " + minutes + " min: " + command);
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The command that runs the tool's jar with this JVM's {@code java}.
     *
     * @param args the tool's arguments
     * @return the command
     */
    static List<String> jar(String... args) {
        return jar(List.of(args));
    }

    /**
     * The command that runs the tool's jar with this JVM's {@code java}.
     *
     * @param args the tool's arguments
     * @return the command
     */
    static List<String> jar(List<String> args) {
        Path jar = Path.of(System.getProperty("manifoldmixup.cli.jar", "missing"));
        assertTrue(
                Files.isRegularFile(jar),
                "The runnable jar "
                        + jar
                        + " is missing: build it with mvn -B -q package -DskipTests (the README's"
                        + " test command builds it before these tests run).");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx2g", "-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /**
     * Returns this JVM's {@code java} executable.
     *
     * @return its path
     */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
