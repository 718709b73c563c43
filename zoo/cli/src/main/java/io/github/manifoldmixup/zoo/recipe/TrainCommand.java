/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import io.github.manifoldmixup.evaluator.ExpectedCalibrationError;
import io.github.manifoldmixup.evaluator.NegativeLogLikelihood;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains the small pre-activation ResNet-20 on Fashion-MNIST or on the user's own
 * image folder, with a zoo preset ({@code --variant}) or any listener options, DJL's progress bars
 * and per-epoch metrics (accuracy, NLL, ECE), and a checkpoint after every epoch; {@code --resume}
 * continues from the last one.
 *
 * <p>The zoo's recipe ({@code zoo/training/train-fashion-mnist.sh}): the first {@value
 * FashionMnistData#TRAINING_IMAGES} {@code - holdout} training images with random 2-pixel
 * translations and horizontal flips, batch 128, SGD with momentum 0.9 and weight decay 5e-4, a
 * one-cycle learning rate (linear warm-up over the first 15% of updates to the peak, then a cosine
 * decay to 0), soft-max cross-entropy (wrapped for mixup). The last {@code holdout} training images
 * are kept out for temperature scaling. After each epoch the model is evaluated on the 10,000 test
 * images.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Trains the small ResNet-20 on Fashion-MNIST or an image folder, with a zoo preset"
                        + " (--variant) or any listener options, and a checkpoint after every"
                        + " epoch in --dir; --resume continues a run.")
public final class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--variant",
            description =
                    "a zoo preset: none, input (input mixup, alpha 1), manifold (alpha 2) or"
                            + " manifold-then-plain (alpha 2, no mixing in the last 40%% of the"
                            + " epochs); not with the listener options below")
    private String variant;

    @Mixin private ListenerOptions mixing;

    @Option(
            names = "--image-folder",
            description =
                    "train on this folder (one sub-folder of images per class) instead of"
                            + " Fashion-MNIST")
    private Path imageFolder;

    @Option(
            names = "--image-size",
            defaultValue = "32",
            description = "--image-folder images are resized to this square (default: 32)")
    private int imageSize;

    @Option(names = "--grayscale", description = "--image-folder images are read as grayscale")
    private boolean grayscale;

    @Option(
            names = "--validation-percent",
            defaultValue = "10",
            description = "--image-folder share kept out for validation (default: 10)")
    private int validationPercent;

    @Option(
            names = "--holdout",
            defaultValue = "5000",
            description =
                    "Fashion-MNIST training images kept out for temperature scaling (default:"
                            + " 5000)")
    private int holdout;

    @Option(names = "--limit", description = "Fashion-MNIST: use only this many training images")
    private Integer limit;

    @Option(
            names = "--augment",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "random padded crops and horizontal flips (default: on)")
    private boolean augment;

    @Option(names = "--epochs", defaultValue = "30", description = "length of the schedule")
    private int epochs;

    @Option(
            names = "--until-epoch",
            description = "stop after this epoch (default: --epochs); --resume continues")
    private Integer untilEpoch;

    @Option(names = "--batch", defaultValue = "128", description = "batch size (default: 128)")
    private int batch;

    @Option(names = "--peak-lr", defaultValue = "0.1", description = "peak learning rate")
    private float peakLearningRate;

    @Option(names = "--weight-decay", defaultValue = "5e-4", description = "weight decay")
    private float weightDecay;

    @Option(names = "--seed", defaultValue = "42", description = "seed of everything")
    private long seed;

    @Option(names = "--dir", required = true, description = "checkpoint directory")
    private Path directory;

    @Option(names = "--resume", description = "continue the run whose checkpoints are in --dir")
    private boolean resume;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String configuration = configuration();
        listener(seed); // malformed listener options fail here, before any data is read
        int last = untilEpoch == null ? epochs : Math.min(untilEpoch, epochs);
        Checkpoints checkpoints = new Checkpoints(directory);
        if (checkpoints.exists() && !resume) {
            throw new ParameterException(
                    spec.commandLine(),
                    directory
                            + " holds checkpoints of a run: pass --resume to continue it, or"
                            + " choose another --dir.");
        }
        TrainingData data = data();
        PrintWriter out = spec.commandLine().getOut();
        try (Model model = Model.newInstance("small-preact-resnet")) {
            model.setBlock(FashionMnistNetwork.newBlock(data.classes()));
            // the parameters must exist before a checkpoint can be loaded into them
            model.getBlock()
                    .initialize(model.getNDManager(), model.getDataType(), data.inputShape());
            TrainingState state =
                    checkpoints
                            .resume(model)
                            .orElse(new TrainingState(configuration, seed, 0, 0, List.of()));
            if (!state.variant().equals(configuration)) {
                throw new ParameterException(
                        spec.commandLine(),
                        directory
                                + " holds a run of '"
                                + state.variant()
                                + "', not '"
                                + configuration
                                + "': resume it with its own options or choose another --dir.");
            }
            if (state.epochsDone() >= last) {
                out.printf(Locale.ROOT, "%s: %d epochs done%n", directory, state.epochsDone());
                out.flush();
                return 0;
            }
            Engine.getInstance().setRandomSeed((int) (seed + state.epochsDone()));
            int stepsPerEpoch = (int) Math.ceil((double) data.training().size() / batch);
            Optional<ManifoldMixupTrainingListener> listener = listener(seed + state.epochsDone());
            try (Trainer trainer =
                    model.newTrainer(config(stepsPerEpoch, state.epochsDone(), listener))) {
                trainer.initialize(data.inputShape());
                listener.ifPresent(l -> l.setEpoch(state.epochsDone()));
                TrainingState current = state;
                for (int epoch = state.epochsDone() + 1; epoch <= last; epoch++) {
                    current = epoch(trainer, data, current, epoch);
                    checkpoints.save(model, current);
                    TrainingState.EpochResult result = current.curve().get(epoch - 1);
                    out.printf(
                            Locale.ROOT,
                            "%s epoch %d/%d: %s accuracy %.4f, NLL %.4f, ECE %.4f (%.0f s)%n",
                            configuration,
                            epoch,
                            epochs,
                            data.evaluationName(),
                            result.testAccuracy(),
                            result.testNll(),
                            result.testEce(),
                            result.seconds());
                    out.flush();
                }
            }
        }
        return 0;
    }

    private TrainingState epoch(Trainer trainer, TrainingData data, TrainingState state, int epoch)
            throws Exception {
        long start = System.nanoTime();
        EasyTrain.fit(trainer, 1, data.training(), data.evaluation());
        TrainingResult result = trainer.getTrainingResult();
        if (!Float.isFinite(result.getTrainLoss())) {
            throw new IllegalStateException(
                    "Epoch "
                            + epoch
                            + " ended with a non-finite training loss; the last checkpoint (epoch "
                            + state.epochsDone()
                            + ") is kept. See docs/benchmarks.md on oneDNN and"
                            + " ONEDNN_MAX_CPU_ISA=AVX2.");
        }
        return state.after(
                new TrainingState.EpochResult(
                        epoch,
                        result.getTrainLoss(),
                        result.getValidateEvaluation("Accuracy"),
                        result.getValidateEvaluation("NLL"),
                        result.getValidateEvaluation("ECE"),
                        (System.nanoTime() - start) / 1e9));
    }

    /** The name a run is checkpointed under: the preset, or the listener options given. */
    private String configuration() {
        if (variant != null && mixing.any()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--variant is a preset of the listener options; give either it or options such"
                            + " as "
                            + mixing.describe()
                            + ", not both.");
        }
        if (variant != null) {
            return MixupVariant.of(variant).filter();
        }
        return mixing.any() ? mixing.describe() : MixupVariant.NONE.filter();
    }

    private Optional<ManifoldMixupTrainingListener> listener(long listenerSeed) {
        if (variant != null) {
            return VariantRecipe.listener(MixupVariant.of(variant), listenerSeed, epochs);
        }
        try {
            return mixing.listener(listenerSeed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private TrainingData data() throws Exception {
        try {
            return imageFolder == null
                    ? TrainingData.fashionMnist(batch, augment, holdout, limit)
                    : TrainingData.imageFolder(
                            imageFolder,
                            imageSize,
                            grayscale,
                            batch,
                            augment,
                            validationPercent,
                            seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The presets keep the zoo's recipe (soft-max cross-entropy, wrapped); listener options train
     * with soft targets, which also take the per-example weights of {@code --lambda-mode elem}.
     */
    private Loss loss() {
        return variant != null
                ? MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())
                : SoftTargetLoss.crossEntropy().build();
    }

    private DefaultTrainingConfig config(
            int stepsPerEpoch, int epochsDone, Optional<ManifoldMixupTrainingListener> listener) {
        int totalSteps = stepsPerEpoch * epochs;
        int warmUp = Math.max(1, totalSteps * 15 / 100);
        Tracker oneCycle =
                WarmUpTracker.builder()
                        .setMainTracker(
                                CosineTracker.builder()
                                        .setBaseValue(peakLearningRate)
                                        .optFinalValue(0f)
                                        .setMaxUpdates(Math.max(1, totalSteps - warmUp))
                                        .build())
                        .optWarmUpSteps(warmUp)
                        .optWarmUpBeginValue(peakLearningRate / 25)
                        .build();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(loss())
                        .optOptimizer(
                                Optimizer.sgd()
                                        .setLearningRateTracker(
                                                new ShiftedTracker(
                                                        oneCycle, epochsDone * stepsPerEpoch))
                                        .optMomentum(0.9f)
                                        .optWeightDecays(weightDecay)
                                        .build())
                        .addEvaluator(new Accuracy())
                        .addEvaluator(new NegativeLogLikelihood())
                        .addEvaluator(new ExpectedCalibrationError())
                        .addTrainingListeners(TrainingListener.Defaults.logging());
        listener.ifPresent(config::addTrainingListeners);
        return config;
    }
}
