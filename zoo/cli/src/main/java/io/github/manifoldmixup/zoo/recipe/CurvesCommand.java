/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.util.JsonUtils;
import io.github.manifoldmixup.zoo.plot.Charts;
import io.github.manifoldmixup.zoo.plot.LearningCurves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code curves}: draws the learning curves (test error, NLL and ECE after each epoch) of every
 * training run under a folder, side by side.
 */
@Command(
        name = "curves",
        mixinStandardHelpOptions = true,
        description = "Draws the learning curves of the training runs under --runs.")
public final class CurvesCommand implements Callable<Integer> {

    @Option(
            names = "--runs",
            defaultValue = "zoo/training/fashion-mnist",
            description = "a folder with one checkpoint folder per run (default: ${DEFAULT-VALUE})")
    private Path runs;

    @Option(
            names = "--out",
            defaultValue = "docs/figures/zoo-learning-curves.png",
            description = "the picture (default: ${DEFAULT-VALUE})")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, List<TrainingState.EpochResult>> curves = new LinkedHashMap<>();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> folders = Files.list(runs)) {
                for (Path folder : folders.sorted().toList()) {
                    Path latest = folder.resolve("latest");
                    if (Files.exists(latest)) {
                        Path state =
                                folder.resolve(Files.readString(latest).trim())
                                        .resolve("state.json");
                        curves.put(
                                folder.getFileName().toString(),
                                JsonUtils.GSON
                                        .fromJson(Files.readString(state), TrainingState.class)
                                        .curve());
                    }
                }
            }
        }
        if (curves.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "No training runs with checkpoints under " + runs + ".");
        }
        Charts.writeSideBySide(
                List.of(
                        LearningCurves.chart(
                                curves, r -> 100 * (1 - r.testAccuracy()), "test error", "%"),
                        LearningCurves.chart(curves, r -> r.testNll(), "test NLL", "nats"),
                        LearningCurves.chart(curves, r -> r.testEce(), "test ECE", "15 bins")),
                480,
                400,
                out);
        spec.commandLine().getOut().println("Learning curves: " + out.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
