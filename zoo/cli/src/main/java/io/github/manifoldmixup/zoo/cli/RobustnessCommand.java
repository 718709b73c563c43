/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.util.ProgressBar;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import io.github.manifoldmixup.zoo.recipe.PublishCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code robustness}: the robustness suite on Fashion-MNIST models (zoo variants by name, or saved
 * parameters): clean, corrupted, adversarial and out-of-distribution data, as tables, JSON and
 * PNGs; {@code --publish} writes each zoo variant's figures into its metadata.
 */
@Command(
        name = "robustness",
        mixinStandardHelpOptions = true,
        description =
                "Measures Fashion-MNIST models off the test set: 17 corruptions at 5 severities"
                        + " (accuracy, NLL, ECE, Brier, mean corruption error), FGSM and PGD"
                        + " attacks, and out-of-distribution detection of MNIST digits and noise."
                        + " Without --attacks, --corruptions or --ood it runs all three.")
final class RobustnessCommand implements Callable<Integer> {

    @Mixin private RobustnessOptions options;

    @Option(
            names = "--publish",
            description =
                    "write each zoo variant's figures into its metadata in the zoo's resources"
                            + " (needs all 10,000 images: no --limit)")
    private boolean publish;

    @Option(
            names = "--resources",
            defaultValue = PublishCommand.RESOURCES,
            description = "--publish: the zoo's resource folder (default: ${DEFAULT-VALUE})")
    private Path resources;

    @Spec private CommandSpec spec;

    @Option(
            names = "--replot",
            description =
                    "print the tables and draw the figures of a robustness.json written before,"
                            + " measuring nothing")
    private Path replot;

    private MnistDigits digits;

    @Override
    public Integer call() throws Exception {
        PrintWriter text = spec.commandLine().getOut();
        if (replot != null) {
            List<RobustnessReport> reports = RobustnessReport.listFromJson(read(replot));
            RobustnessTables.print(text, reports);
            options.drawFigures(text, reports);
            return 0;
        }
        if (publish && !options.measuresTheWholeZoo()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--publish writes the zoo's figures: measure zoo variants only (--zoo-mixup),"
                            + " on all images (no --limit).");
        }
        List<RobustnessReport> reports = options.measureEach(text, this::measure);
        if (publish) {
            for (RobustnessReport report : reports) {
                publish(report);
            }
        }
        options.write(text, reports);
        return 0;
    }

    private static String read(Path file) throws Exception {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--replot " + file + " does not exist.", e);
        }
    }

    /** Measures a model on this machine, on the Fashion-MNIST test set. */
    private RobustnessReport measure(
            String name, ModelSource source, Model model, float temperature) throws Exception {
        RobustnessSuite.Builder suite = options.suite(temperature);
        try (NDManager manager = NDManager.newBaseManager()) {
            if (options.measuresOutOfDistribution()) {
                if (digits == null) {
                    digits = options.digits();
                }
                options.outOfDistribution(manager, digits.images(manager, 0, digits.size()))
                        .forEach(suite::addOutOfDistribution);
            }
            Dataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(options.batch(), false)
                            .optManager(manager)
                            .build();
            test.prepare();
            return suite.optProgress(new ProgressBar()).build().evaluate(name, model, test);
        }
    }

    /** Writes a variant's figures into the {@code robustness} section of its metadata. */
    private void publish(RobustnessReport report) throws Exception {
        Path file = resources.resolve(report.model() + ".json");
        JsonObject metadata =
                JsonUtils.GSON.fromJson(
                        Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        JsonObject section = JsonUtils.GSON.toJsonTree(report).getAsJsonObject();
        section.remove("model");
        section.remove("confidenceHistograms");
        section.getAsJsonObject("clean").remove("reliability");
        section.addProperty("images", report.clean().images());
        section.addProperty("seed", options.seed());
        section.addProperty(
                "command", "java -jar zoo/cli/target/manifold-mixup.jar robustness --publish");
        JsonElement previous = metadata.remove("robustness");
        metadata.add("robustness", section);
        AtomicFiles.writeString(file, JsonUtils.GSON_PRETTY.toJson(metadata) + "\n");
        spec.commandLine()
                .getOut()
                .println(
                        (previous == null ? "Added" : "Replaced")
                                + " the robustness figures in "
                                + file.toAbsolutePath());
    }
}
