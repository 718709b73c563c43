/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.util.ProgressBar;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.robustness.ood.NoiseImages;
import io.github.manifoldmixup.zoo.analysis.FashionMnistEvaluation;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import io.github.manifoldmixup.zoo.plot.RobustnessCharts;
import io.github.manifoldmixup.zoo.recipe.PublishCommand;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    /** The image shape of the Fashion-MNIST networks. */
    private static final Shape IMAGE = new Shape(1, 28, 28);

    @Option(
            names = "--zoo-mixup",
            split = ",",
            description =
                    "zoo variants to measure (default: all four): none, input, manifold,"
                            + " manifold-then-plain")
    private List<String> zooVariants = new ArrayList<>();

    @Option(
            names = "--model-dir",
            description = "saved parameters of the small ResNet-20 (prefix 'model'); repeatable")
    private List<Path> modelDirs = new ArrayList<>();

    @Option(names = "--attacks", description = "run the attacks")
    private boolean attacks;

    @Option(names = "--corruptions", description = "run the corruptions")
    private boolean corruptions;

    @Option(names = "--ood", description = "run out-of-distribution detection")
    private boolean ood;

    @Option(
            names = "--corruption",
            split = ",",
            description = "corruptions to run (default: all 17, see docs/corruptions.md)")
    private List<String> corruptionNames = new ArrayList<>();

    @Option(
            names = "--severities",
            split = ",",
            defaultValue = "1,2,3,4,5",
            description = "severities of each corruption (default: ${DEFAULT-VALUE})")
    private int[] severities;

    @Option(
            names = "--fgsm-eps",
            split = ",",
            defaultValue = "0.01,0.03,0.05,0.1,0.2",
            description = "FGSM radii in (0, 1] (default: ${DEFAULT-VALUE})")
    private float[] fgsmEpsilons;

    @Option(
            names = "--pgd-eps",
            split = ",",
            defaultValue = "0.03,0.1",
            description = "PGD radii in (0, 1] (default: ${DEFAULT-VALUE})")
    private float[] pgdEpsilons;

    @Option(
            names = "--pgd-steps",
            defaultValue = "20",
            description = "PGD steps (default: ${DEFAULT-VALUE}); the step size is eps/10")
    private int pgdSteps;

    @Option(
            names = "--pgd-images",
            defaultValue = "2000",
            description = "PGD attacks the first this many test images (default: ${DEFAULT-VALUE})")
    private int pgdImages;

    @Option(
            names = "--limit",
            description = "measure only the first N images of every set (default: all 10,000)")
    private Integer limit;

    @Option(
            names = "--batch",
            defaultValue = "200",
            description = "batch size (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "seed of the corruptions, PGD's start and the noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(
            names = "--holdout",
            defaultValue = "5000",
            description =
                    "--model-dir: the last training images, kept out of training, that fit the"
                            + " temperature (default: ${DEFAULT-VALUE})")
    private int holdout;

    @Option(
            names = "--mnist-dir",
            description = "the MNIST digits (default: " + MnistDigits.DEFAULT_DIRECTORY + ")")
    private Path mnistDir;

    @Option(
            names = "--out",
            defaultValue = "target/robustness",
            description = "where robustness.json and the PNGs go (default: ${DEFAULT-VALUE})")
    private Path out;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter text = spec.commandLine().getOut();
        List<RobustnessReport> reports =
                replot == null ? measure(text) : RobustnessReport.listFromJson(read(replot));
        RobustnessTables.print(text, reports);
        if (replot == null) {
            Path json = out.resolve("robustness.json");
            AtomicFiles.writeString(json, RobustnessReport.toJson(reports) + "\n");
            text.println("JSON: " + json.toAbsolutePath());
        }
        for (Path png : RobustnessCharts.write(reports, out)) {
            text.println("Figure: " + png.toAbsolutePath());
        }
        text.flush();
        return 0;
    }

    private static String read(Path file) throws Exception {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--replot " + file + " does not exist.", e);
        }
    }

    /**
     * Measures every model in turn; each report is written to {@code <out>/<model>.json} (and
     * published, with {@code --publish}) as soon as it is complete.
     */
    private List<RobustnessReport> measure(PrintWriter text) throws Exception {
        List<Corruption> chosen = corruptions();
        checkOptions();
        boolean all = !attacks && !corruptions && !ood;
        Map<String, Source> models = models();
        List<RobustnessReport> reports = new ArrayList<>();
        RobustnessReport baseline = null;
        Files.createDirectories(out);
        try (NDManager manager = NDManager.newBaseManager()) {
            MnistDigits digits = all || ood ? digits() : null;
            for (Map.Entry<String, Source> entry : models.entrySet()) {
                try (Model model = entry.getValue().load()) {
                    RobustnessSuite.Builder suite =
                            RobustnessSuite.builder()
                                    .optSeed(seed)
                                    .optProgress(new ProgressBar())
                                    .optTemperature(temperature(entry.getValue(), model, manager));
                    if (limit != null) {
                        suite.optLimit(limit);
                    }
                    if (all || attacks) {
                        for (float eps : fgsmEpsilons) {
                            suite.addAttack(Fgsm.builder().optEpsilon(eps).build());
                        }
                        for (float eps : pgdEpsilons) {
                            suite.addAttack(
                                    Pgd.builder()
                                            .optEpsilon(eps)
                                            .optSteps(pgdSteps)
                                            .optStepSize(eps / 10)
                                            .build(),
                                    pgdImages);
                        }
                    }
                    if (all || corruptions) {
                        suite.optCorruptions(chosen).optSeverities(severities);
                    }
                    if (digits != null) {
                        int count = limit == null ? digits.size() : Math.min(limit, digits.size());
                        suite.addOutOfDistribution("mnist", digitSet(digits, manager))
                                .addOutOfDistribution(
                                        "uniform_noise",
                                        NoiseImages.uniform(manager, count, IMAGE, seed, batch))
                                .addOutOfDistribution(
                                        "gaussian_noise",
                                        NoiseImages.gaussian(manager, count, IMAGE, seed, batch));
                    }
                    text.println("== " + entry.getKey());
                    text.flush();
                    RobustnessReport report =
                            suite.build().evaluate(entry.getKey(), model, testSet(manager));
                    if (baseline == null
                            && report.model().equals(MixupVariant.NONE.filter())
                            && !report.corruptions().isEmpty()) {
                        baseline = report;
                    }
                    if (baseline != null && !report.corruptions().isEmpty()) {
                        report = report.withBaseline(baseline);
                    }
                    AtomicFiles.writeString(
                            out.resolve(report.model() + ".json"), report.toJson() + "\n");
                    if (publish) {
                        publish(report);
                    }
                    reports.add(report);
                }
            }
        }
        return reports;
    }

    /** A model to measure, and how to load it. */
    private record Source(String zooVariant, Path directory) {

        Model load() throws Exception {
            return zooVariant != null
                    ? FashionMnistModels.zoo(zooVariant)
                    : FashionMnistModels.saved(directory);
        }
    }

    private Map<String, Source> models() {
        Map<String, Source> models = new LinkedHashMap<>();
        List<String> variants = zooVariants;
        if (variants.isEmpty() && modelDirs.isEmpty()) {
            variants = Arrays.stream(MixupVariant.values()).map(MixupVariant::filter).toList();
        }
        // none first: the baseline of the relative mean corruption error
        variants =
                variants.stream()
                        .sorted((a, b) -> Boolean.compare(!a.equals("none"), !b.equals("none")))
                        .toList();
        for (String variant : variants) {
            try {
                models.put(variant, new Source(MixupVariant.of(variant).filter(), null));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        for (Path dir : modelDirs) {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(
                        spec.commandLine(), "--model-dir " + dir + " is not a directory.");
            }
            models.put(dir.getFileName().toString(), new Source(null, dir));
        }
        return models;
    }

    private List<Corruption> corruptions() {
        if (corruptionNames.isEmpty()) {
            return List.of(Corruption.values());
        }
        List<Corruption> chosen = new ArrayList<>();
        for (String name : corruptionNames) {
            try {
                chosen.add(Corruption.of(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        return chosen;
    }

    private void checkOptions() {
        for (float[] radii : List.of(fgsmEpsilons, pgdEpsilons)) {
            for (float eps : radii) {
                if (!(eps > 0 && eps <= 1)) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "An attack's eps is in (0, 1] (images are in [0, 1]), got "
                                    + eps
                                    + ".");
                }
            }
        }
        for (int severity : severities) {
            if (severity < 1 || severity > Corruption.SEVERITIES) {
                throw new ParameterException(
                        spec.commandLine(),
                        "A severity is 1 to " + Corruption.SEVERITIES + ", got " + severity + ".");
            }
        }
        if (pgdSteps < 1 || pgdImages < 1 || batch < 1 || (limit != null && limit < 1)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--pgd-steps, --pgd-images, --batch and --limit are positive numbers.");
        }
        if (publish && (limit != null || !modelDirs.isEmpty())) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--publish writes the zoo's figures: measure zoo variants only (--zoo-mixup),"
                            + " on all images (no --limit).");
        }
    }

    private MnistDigits digits() throws Exception {
        try {
            return mnistDir == null ? MnistDigits.load() : MnistDigits.load(mnistDir);
        } catch (FileNotFoundException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ArrayDataset digitSet(MnistDigits digits, NDManager manager) {
        return new ArrayDataset.Builder()
                .setData(digits.images(manager, 0, digits.size()))
                .optLabels(manager.zeros(new Shape(digits.size())))
                .setSampling(batch, false)
                .build();
    }

    private Dataset testSet(NDManager manager) throws Exception {
        Dataset test =
                FashionMnistData.builder()
                        .setUsage(Dataset.Usage.TEST)
                        .setSampling(batch, false)
                        .optManager(manager)
                        .build();
        test.prepare();
        return test;
    }

    /** The zoo's published temperature, or one fitted on the held-out training images. */
    private float temperature(Source source, Model model, NDManager manager) throws Exception {
        String published = model.getProperty("temperature");
        if (source.zooVariant != null && published != null) {
            return Float.parseFloat(published);
        }
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            return FashionMnistEvaluation.of(predictor, holdout, manager).temperature();
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
        section.addProperty("images", report.clean().images());
        section.addProperty("seed", seed);
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
