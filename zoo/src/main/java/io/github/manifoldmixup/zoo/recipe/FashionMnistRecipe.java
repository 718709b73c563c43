/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.metric.ExpectedCalibrationError;
import io.github.manifoldmixup.metric.NegativeLogLikelihood;
import io.github.manifoldmixup.zoo.data.FashionMnistData;
import io.github.manifoldmixup.zoo.network.SmallPreActResNet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The recipe of the zoo's Fashion-MNIST networks: trains the small pre-activation ResNet-20 one way
 * ({@code --variant none|input|manifold}) with checkpoints after every epoch, and resumes from the
 * last one when run again on the same directory.
 *
 * <p>Recipe: the first {@code 60000 - holdout} training images with random 2-pixel translations and
 * horizontal flips, batch 128, SGD with momentum 0.9 and weight decay 5e-4, a one-cycle learning
 * rate (linear warm-up over the first 15% of updates to the peak, then a cosine decay to 0),
 * soft-max cross-entropy (wrapped for mixup). The last {@code holdout} training images are kept out
 * for temperature scaling. After each epoch the model is evaluated on the 10,000 test images.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Trains the zoo's Fashion-MNIST ResNet one way (none, input or manifold), with"
                        + " a checkpoint after every epoch; run again on the same --dir to resume.")
public final class FashionMnistRecipe implements Callable<Integer> {

    private static final int TRAINING_IMAGES = 60_000;

    @Option(
            names = "--variant",
            required = true,
            description = "none, input (input mixup, alpha 1) or manifold (alpha 2)")
    private String variant;

    @Option(names = "--epochs", defaultValue = "30", description = "length of the schedule")
    private int epochs;

    @Option(
            names = "--until-epoch",
            description = "stop after this epoch (default: --epochs); run again to resume")
    private Integer untilEpoch;

    @Option(names = "--batch", defaultValue = "128", description = "batch size")
    private int batch;

    @Option(names = "--peak-lr", defaultValue = "0.1", description = "peak learning rate")
    private float peakLearningRate;

    @Option(names = "--weight-decay", defaultValue = "5e-4", description = "weight decay")
    private float weightDecay;

    @Option(names = "--seed", defaultValue = "42", description = "seed of everything")
    private long seed;

    @Option(
            names = "--holdout",
            defaultValue = "5000",
            description = "training images kept out for temperature scaling")
    private int holdout;

    @Option(names = "--limit", description = "use only this many training images (for trials)")
    private Integer limit;

    @Option(names = "--dir", required = true, description = "checkpoint directory")
    private Path directory;

    private FashionMnistRecipe() {}

    /**
     * Runs the recipe.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FashionMnistRecipe()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        TrainingVariant way = TrainingVariant.of(variant);
        int last = untilEpoch == null ? epochs : Math.min(untilEpoch, epochs);
        Checkpoints checkpoints = new Checkpoints(directory);
        try (Model model = Model.newInstance("resnet-fashion-mnist-" + way.filter())) {
            model.setBlock(SmallPreActResNet.builder().setNumClasses(10).build());
            // the parameters must exist before a checkpoint can be loaded into them
            model.getBlock()
                    .initialize(model.getNDManager(), model.getDataType(), new Shape(1, 1, 28, 28));
            Optional<TrainingState> resumed = checkpoints.resume(model);
            TrainingState state =
                    resumed.orElse(new TrainingState(way.filter(), seed, 0, 0, List.of()));
            if (state.epochsDone() >= last) {
                System.out.printf(Locale.ROOT, "%s: %d epochs done%n", way, state.epochsDone());
                return 0;
            }
            Engine.getInstance().setRandomSeed((int) (seed + state.epochsDone()));
            int used = limit == null ? TRAINING_IMAGES : Math.min(limit, TRAINING_IMAGES);
            RandomAccessDataset allTraining =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TRAIN)
                            .setSampling(batch, true)
                            .optAugmentation(true)
                            .build();
            allTraining.prepare();
            RandomAccessDataset train = allTraining.subDataset(0, used - holdout);
            RandomAccessDataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(500, false)
                            .build();
            int stepsPerEpoch = (int) Math.ceil((double) (used - holdout) / batch);
            Optional<ManifoldMixupTrainingListener> mixup = way.listener(seed + state.epochsDone());
            try (Trainer trainer =
                    model.newTrainer(config(stepsPerEpoch, state.epochsDone(), mixup))) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                mixup.ifPresent(listener -> listener.setEpoch(state.epochsDone()));
                TrainingState current = state;
                for (int epoch = state.epochsDone() + 1; epoch <= last; epoch++) {
                    long start = System.nanoTime();
                    EasyTrain.fit(trainer, 1, train, test);
                    TrainingResult result = trainer.getTrainingResult();
                    if (!Float.isFinite(result.getTrainLoss())) {
                        throw new IllegalStateException(
                                "Epoch "
                                        + epoch
                                        + " ended with a non-finite training loss; the last"
                                        + " checkpoint (epoch "
                                        + current.epochsDone()
                                        + ") is kept. See docs/benchmarks.md on oneDNN and"
                                        + " ONEDNN_MAX_CPU_ISA=AVX2.");
                    }
                    current =
                            current.after(
                                    new TrainingState.EpochResult(
                                            epoch,
                                            result.getTrainLoss(),
                                            result.getValidateEvaluation("Accuracy"),
                                            result.getValidateEvaluation("NLL"),
                                            result.getValidateEvaluation("ECE"),
                                            (System.nanoTime() - start) / 1e9));
                    checkpoints.save(model, current);
                    System.out.printf(
                            Locale.ROOT,
                            "%s epoch %d/%d: test accuracy %.4f, NLL %.4f, ECE %.4f (%.0f s)%n",
                            way.filter(),
                            epoch,
                            epochs,
                            result.getValidateEvaluation("Accuracy"),
                            result.getValidateEvaluation("NLL"),
                            result.getValidateEvaluation("ECE"),
                            current.curve().get(current.curve().size() - 1).seconds());
                }
            }
        }
        return 0;
    }

    private DefaultTrainingConfig config(
            int stepsPerEpoch, int epochsDone, Optional<ManifoldMixupTrainingListener> mixup) {
        int totalSteps = stepsPerEpoch * epochs;
        int warmUp = Math.max(1, totalSteps * 15 / 100);
        Tracker oneCycle =
                WarmUpTracker.builder()
                        .setMainTracker(
                                CosineTracker.builder()
                                        .setBaseValue(peakLearningRate)
                                        .optFinalValue(0f)
                                        .setMaxUpdates(totalSteps - warmUp)
                                        .build())
                        .optWarmUpSteps(warmUp)
                        .optWarmUpBeginValue(peakLearningRate / 25)
                        .build();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
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
        mixup.ifPresent(config::addTrainingListeners);
        return config;
    }
}
