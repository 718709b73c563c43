/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.robustness.ood.NoiseImages;
import io.github.manifoldmixup.zoo.analysis.FashionMnistEvaluation;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import io.github.manifoldmixup.zoo.plot.RobustnessCharts;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the robustness suite on Fashion-MNIST models, as a picocli mixin: which models,
 * which parts of the suite and how, and where the results go. The {@code robustness} command and
 * the Spark job take the same options and write the same files through it: a JSON report per model,
 * {@code robustness.json}, the tables and the figures.
 */
public final class RobustnessOptions {

    /** The shape of one image of the Fashion-MNIST networks. */
    private static final Shape IMAGE = FashionMnistNetwork.INPUT_SHAPE.slice(1);

    @Option(
            names = "--zoo-mixup",
            split = ",",
            description =
                    "zoo variants to measure (default: all four): none, input, manifold,"
                            + " manifold-then-plain")
    private List<String> zooVariants = new ArrayList<>();

    @Option(
            names = "--model-dir",
            description =
                    "a DJL model directory (zoo export) or the saved parameters of the small"
                            + " ResNet-20 (prefix 'model', as train writes them); repeatable")
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
            description =
                    "PGD attacks the first this many test images, 0 for no PGD (default:"
                            + " ${DEFAULT-VALUE})")
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

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /** Measures one model. */
    @FunctionalInterface
    public interface Measurement {

        /**
         * Measures a model with a {@link #suite suite} of these options.
         *
         * @param name the model's name in the report
         * @param source where the model comes from
         * @param model the loaded model
         * @param temperature the model's temperature: the zoo's published one, or one fitted on the
         *     held-out training images
         * @return the report
         * @throws Exception if the model cannot be measured
         */
        RobustnessReport measure(String name, ModelSource source, Model model, float temperature)
                throws Exception;
    }

    /**
     * Measures every chosen model in turn, the baseline ({@code none}) first: each report gets the
     * relative mean corruption error against the baseline and is written to {@code
     * <out>/<model>.json} as soon as it is complete.
     *
     * @param text where progress lines go
     * @param measurement how a model is measured
     * @return the reports, in order
     * @throws Exception if a model cannot be loaded or measured
     */
    public List<RobustnessReport> measureEach(PrintWriter text, Measurement measurement)
            throws Exception {
        check();
        Map<String, ModelSource> models = models();
        List<RobustnessReport> reports = new ArrayList<>();
        RobustnessReport baseline = null;
        Files.createDirectories(out);
        for (Map.Entry<String, ModelSource> entry : models.entrySet()) {
            try (Model model = entry.getValue().load()) {
                float temperature = temperature(entry.getValue(), model);
                text.println("== " + entry.getKey());
                text.flush();
                RobustnessReport report =
                        measurement.measure(entry.getKey(), entry.getValue(), model, temperature);
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
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * Prints the tables, writes {@code <out>/robustness.json} and draws the figures.
     *
     * @param text where the tables go
     * @param reports the reports
     * @throws Exception if a file cannot be written
     */
    public void write(PrintWriter text, List<RobustnessReport> reports) throws Exception {
        RobustnessTables.print(text, reports);
        Path json = out.resolve("robustness.json");
        AtomicFiles.writeString(json, RobustnessReport.toJson(reports) + "\n");
        text.println("JSON: " + json.toAbsolutePath());
        drawFigures(text, reports);
    }

    /**
     * Draws the figures of reports into {@code <out>}.
     *
     * @param text where the figures' paths go
     * @param reports the reports
     * @throws Exception if a figure cannot be written
     */
    void drawFigures(PrintWriter text, List<RobustnessReport> reports) throws Exception {
        for (Path png : RobustnessCharts.write(reports, out)) {
            text.println("Figure: " + png.toAbsolutePath());
        }
        text.flush();
    }

    /**
     * Returns whether out-of-distribution detection is measured.
     *
     * @return {@code --ood}, or no part chosen (then all run)
     */
    public boolean measuresOutOfDistribution() {
        return ood || (!attacks && !corruptions);
    }

    /**
     * Returns the batch size.
     *
     * @return {@code --batch}
     */
    public int batch() {
        return batch;
    }

    /**
     * Returns how many images of every set are measured.
     *
     * @return {@code --limit}, or {@link Integer#MAX_VALUE} for all
     */
    public int limit() {
        return limit == null ? Integer.MAX_VALUE : limit;
    }

    /**
     * Returns the seed of the corruptions, PGD's start and the noise.
     *
     * @return {@code --seed}
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns where the reports go.
     *
     * @return {@code --out}
     */
    public Path out() {
        return out;
    }

    /**
     * Loads the MNIST digits, the first out-of-distribution set.
     *
     * @return the digits of {@code --mnist-dir}
     * @throws Exception if they cannot be read
     */
    public MnistDigits digits() throws Exception {
        try {
            return mnistDir == null ? MnistDigits.load() : MnistDigits.load(mnistDir);
        } catch (FileNotFoundException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * Returns the out-of-distribution sets: the digits and as many images of uniform and of
     * Gaussian noise, all within the limit, in batches of {@code --batch}.
     *
     * @param manager the manager of the images
     * @param digitImages the digits, {@code (N, 1, 28, 28)}
     * @return the sets by name, in the order of the report
     */
    public Map<String, RandomAccessDataset> outOfDistribution(
            NDManager manager, NDArray digitImages) {
        int count = (int) Math.min(limit(), digitImages.getShape().get(0));
        Map<String, RandomAccessDataset> sets = new LinkedHashMap<>();
        sets.put(
                "mnist",
                new ArrayDataset.Builder()
                        .setData(digitImages)
                        .optLabels(manager.zeros(new Shape(digitImages.getShape().get(0))))
                        .setSampling(batch, false)
                        .build());
        sets.put("uniform_noise", NoiseImages.uniform(manager, count, IMAGE, seed, batch));
        sets.put("gaussian_noise", NoiseImages.gaussian(manager, count, IMAGE, seed, batch));
        return sets;
    }

    /**
     * Returns a suite's builder with the chosen attacks, corruptions, seed and limit, and no
     * out-of-distribution set.
     *
     * @param temperature the temperature of the temperature-scaled score
     * @return the builder
     */
    public RobustnessSuite.Builder suite(float temperature) {
        boolean all = !attacks && !corruptions && !ood;
        RobustnessSuite.Builder suite =
                RobustnessSuite.builder().optSeed(seed).optTemperature(temperature);
        if (limit != null) {
            suite.optLimit(limit);
        }
        if (all || attacks) {
            for (float eps : fgsmEpsilons) {
                suite.addAttack(Fgsm.builder().optEpsilon(eps).build());
            }
            for (float eps : pgdImages == 0 ? new float[0] : pgdEpsilons) {
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
            suite.optCorruptions(corruptionList()).optSeverities(severities);
        }
        return suite;
    }

    /**
     * Returns the models to measure by name, the baseline first.
     *
     * @return the zoo variants of {@code --zoo-mixup} (all four without it or {@code --model-dir})
     *     and the directories of {@code --model-dir}
     */
    Map<String, ModelSource> models() {
        Map<String, ModelSource> models = new LinkedHashMap<>();
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
                models.put(variant, new ModelSource(MixupVariant.of(variant).filter(), null));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        for (Path dir : modelDirs) {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(
                        spec.commandLine(), "--model-dir " + dir + " is not a directory.");
            }
            models.put(dir.getFileName().toString(), new ModelSource(null, dir.toString()));
        }
        return models;
    }

    /** Whether the zoo's figures are what is measured: zoo variants only, every image. */
    boolean measuresTheWholeZoo() {
        return limit == null && modelDirs.isEmpty();
    }

    private List<Corruption> corruptionList() {
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

    /**
     * Checks the options together, as picocli cannot.
     *
     * @throws ParameterException naming the option that is wrong
     */
    public void check() {
        corruptionList();
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
        if (pgdSteps < 1 || pgdImages < 0 || batch < 1 || (limit != null && limit < 1)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--pgd-steps, --batch and --limit are positive numbers, --pgd-images 0 or"
                            + " more.");
        }
    }

    /** The zoo's published temperature, or one fitted on the held-out training images. */
    private float temperature(ModelSource source, Model model) throws Exception {
        String published = model.getProperty("temperature");
        if (source.zooVariant() != null && published != null) {
            return Float.parseFloat(published);
        }
        try (NDManager manager = NDManager.newBaseManager();
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            return FashionMnistEvaluation.of(predictor, holdout, manager).temperature();
        }
    }
}
