/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import io.github.manifoldmixup.evaluator.ExpectedCalibrationError;
import io.github.manifoldmixup.zoo.analysis.FashionMnistEvaluation;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import io.github.manifoldmixup.zoo.model.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code publish}: turns a finished recipe run into a zoo artifact. It loads the run's last
 * checkpoint, measures it on the 10,000 test images (accuracy, NLL, ECE over 15 bins, Brier) before
 * and after temperature scaling fitted on the held-out training images, and writes {@code
 * <variant>.params} and {@code <variant>.json} (every figure, the recipe, epochs, alpha, seed and
 * training time) into the zoo's resource folder. Each file is written beside its destination and
 * renamed into place, so an interrupted publish leaves the previous artifact whole.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description =
                "Measures a finished training run on the test images and writes its parameters"
                        + " and figures into the zoo's resources.")
public final class PublishCommand implements Callable<Integer> {

    /** Where the zoo's artifacts live in the source tree. */
    public static final String RESOURCES =
            "zoo/model-zoo/src/main/resources/io/github/manifoldmixup/zoo/model";

    @Option(
            names = "--variant",
            required = true,
            description = "the variant trained in --dir: ${COMPLETION-CANDIDATES}",
            completionCandidates = VariantNames.class)
    private String variant;

    @Option(names = "--dir", required = true, description = "the run's checkpoint directory")
    private Path directory;

    @Option(
            names = "--epochs",
            defaultValue = "30",
            description = "the schedule's length; the run must have finished it")
    private int epochs;

    @Option(
            names = "--holdout",
            defaultValue = "5000",
            description =
                    "the last training images, kept out of training, that fit the temperature")
    private int holdout;

    @Option(
            names = "--out",
            defaultValue = RESOURCES,
            description = "the zoo's resource folder (default: ${DEFAULT-VALUE})")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MixupVariant way = MixupVariant.of(variant);
        try (Model model = Model.newInstance(ModelDirectory.modelName(way));
                NDManager manager = NDManager.newBaseManager()) {
            FashionMnistNetwork.setUp(model);
            TrainingState state =
                    new Checkpoints(directory)
                            .resume(model)
                            .orElseThrow(
                                    () ->
                                            new ParameterException(
                                                    spec.commandLine(),
                                                    "No checkpoint in " + directory + "."));
            if (!way.filter().equals(state.variant()) || state.epochsDone() != epochs) {
                throw new ParameterException(
                        spec.commandLine(),
                        String.format(
                                Locale.ROOT,
                                "%s holds %s after %d epochs, not %s after %d: finish the run or"
                                        + " name the right variant and --epochs.",
                                directory,
                                state.variant(),
                                state.epochsDone(),
                                way.filter(),
                                epochs));
            }
            JsonObject metadata = metadata(way, state);
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                measure(predictor, manager, metadata);
            }
            Files.createDirectories(out);
            Path saved = Files.createTempDirectory(out, ".publish");
            try {
                model.save(saved, way.filter());
                Path parameters;
                try (Stream<Path> files = Files.list(saved)) {
                    parameters =
                            files.filter(f -> f.toString().endsWith(".params"))
                                    .findFirst()
                                    .orElseThrow();
                }
                AtomicFiles.replace(parameters, out.resolve(way.filter() + ".params"));
                AtomicFiles.writeString(
                        out.resolve(way.filter() + ".json"),
                        JsonUtils.GSON_PRETTY.toJson(metadata) + "\n");
            } finally {
                AtomicFiles.deleteTree(saved);
            }
            spec.commandLine().getOut().println(JsonUtils.GSON_PRETTY.toJson(metadata));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private JsonObject metadata(MixupVariant way, TrainingState state) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("variant", way.filter());
        metadata.addProperty("mixing", way.description());
        metadata.addProperty("alpha", VariantRecipe.alpha(way));
        metadata.addProperty("mixingOffEpoch", VariantRecipe.mixingOffEpoch(way, epochs));
        metadata.addProperty("epochs", state.epochsDone());
        metadata.addProperty("seed", state.seed());
        metadata.addProperty("trainingImages", FashionMnistData.TRAINING_IMAGES - holdout);
        metadata.addProperty("heldOutImages", holdout);
        metadata.addProperty("trainingSeconds", Math.round(state.trainingSeconds()));
        metadata.addProperty(
                "medianEpochSeconds",
                Math.round(
                        state.curve().stream()
                                .mapToDouble(TrainingState.EpochResult::seconds)
                                .sorted()
                                .skip(state.curve().size() / 2)
                                .findFirst()
                                .orElse(0)));
        metadata.addProperty(
                "recipe",
                "batch 128, SGD momentum 0.9, weight decay 5e-4, one-cycle learning rate peaking"
                        + " at 0.1, random 2-pixel translations and horizontal flips;"
                        + " zoo/training/train-fashion-mnist.sh");
        metadata.addProperty(
                "engine",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        metadata.addProperty("eceBins", ExpectedCalibrationError.DEFAULT_BINS);
        return metadata;
    }

    private void measure(
            Predictor<NDList, NDList> predictor, NDManager manager, JsonObject metadata)
            throws Exception {
        FashionMnistEvaluation figures = FashionMnistEvaluation.of(predictor, holdout, manager);
        metadata.addProperty("testAccuracy", figures.test().accuracy());
        metadata.addProperty("testNll", figures.test().nll());
        metadata.addProperty("testEce", figures.test().ece());
        metadata.addProperty("testBrier", figures.test().brier());
        metadata.addProperty("heldOutAccuracy", figures.heldOut().accuracy());
        metadata.addProperty("heldOutNll", figures.heldOut().nll());
        metadata.addProperty("temperature", figures.temperature());
        metadata.addProperty("scaledTestNll", figures.scaledTest().nll());
        metadata.addProperty("scaledTestEce", figures.scaledTest().ece());
        metadata.addProperty("scaledTestBrier", figures.scaledTest().brier());
    }

    /** The variants' filter values, for {@code --help}. */
    static final class VariantNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(MixupVariant.values()).map(MixupVariant::filter).iterator();
        }
    }
}
