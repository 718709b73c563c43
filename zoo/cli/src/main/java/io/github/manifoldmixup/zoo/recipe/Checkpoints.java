/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.util.JsonUtils;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A recipe run's checkpoints in one directory, written so that a crash at any moment leaves the
 * last complete checkpoint readable: each epoch goes to {@code epoch-NNNN.tmp}, is renamed to
 * {@code epoch-NNNN} once complete, and only then does the {@code latest} pointer (replaced
 * atomically) name it; older epochs are deleted afterwards. Each checkpoint holds the model's
 * parameters, {@code state.json} and the learning curve as {@code curve.csv}.
 */
final class Checkpoints {

    private static final String LATEST = "latest";
    private static final String STATE = "state.json";
    private static final String MODEL = "model";

    private final Path directory;

    Checkpoints(Path directory) {
        this.directory = directory;
    }

    /** Returns whether the directory holds a complete checkpoint. */
    boolean exists() {
        return Files.exists(directory.resolve(LATEST));
    }

    /** Loads the latest checkpoint's parameters into the model and returns its state. */
    Optional<TrainingState> resume(Model model) throws IOException, MalformedModelException {
        Path pointer = directory.resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        Path checkpoint = directory.resolve(Files.readString(pointer).trim());
        model.load(checkpoint, MODEL);
        String json = Files.readString(checkpoint.resolve(STATE));
        return Optional.of(JsonUtils.GSON.fromJson(json, TrainingState.class));
    }

    /**
     * Writes a checkpoint of the model after {@code state.epochsDone()} epochs. If writing fails (a
     * full disk, an interrupted thread), the previous checkpoint stays the latest and the partial
     * files are removed before the failure is rethrown.
     */
    void save(Model model, TrainingState state) throws IOException {
        Files.createDirectories(directory);
        String name = String.format(Locale.ROOT, "epoch-%04d", state.epochsDone());
        Path temporary = directory.resolve(name + ".tmp");
        Path pointer = directory.resolve(LATEST + ".tmp");
        try {
            AtomicFiles.deleteTree(temporary);
            write(model, state, temporary);
            Path checkpoint = directory.resolve(name);
            AtomicFiles.deleteTree(checkpoint);
            Files.move(temporary, checkpoint, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
            AtomicFiles.replace(pointer, directory.resolve(LATEST));
        } finally {
            // nothing is left here after a success; after a failure, these are partial files
            AtomicFiles.deleteTree(temporary);
            Files.deleteIfExists(pointer);
        }
        try (Stream<Path> old = Files.list(directory)) {
            for (Path path : old.toList()) {
                String file = path.getFileName().toString();
                if (file.startsWith("epoch-") && !file.equals(name)) {
                    AtomicFiles.deleteTree(path);
                }
            }
        }
    }

    private static void write(Model model, TrainingState state, Path target) throws IOException {
        Files.createDirectories(target);
        model.setProperty("Epoch", String.valueOf(state.epochsDone()));
        model.save(target, MODEL);
        Files.writeString(
                target.resolve(STATE), JsonUtils.GSON_PRETTY.toJson(state), StandardCharsets.UTF_8);
        Files.writeString(
                target.resolve("curve.csv"), curve(state.curve()), StandardCharsets.UTF_8);
    }

    private static String curve(List<TrainingState.EpochResult> curve) {
        StringBuilder csv =
                new StringBuilder("epoch,train_loss,test_accuracy,test_nll,test_ece,seconds\n");
        for (TrainingState.EpochResult r : curve) {
            csv.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%.5f,%.5f,%.5f,%.5f,%.1f%n",
                            r.epoch(),
                            r.trainLoss(),
                            r.testAccuracy(),
                            r.testNll(),
                            r.testEce(),
                            r.seconds()));
        }
        return csv.toString();
    }
}
