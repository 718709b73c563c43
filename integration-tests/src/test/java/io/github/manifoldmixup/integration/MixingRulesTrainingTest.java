package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.pytorch.PtPatchUpStrategy;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.tracker.CosineWarmUpTracker;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every mixing rule trains a small conv net with {@code EasyTrain.fit}; bad rules fail early. */
class MixingRulesTrainingTest {

    private static final String[] CONV_POINTS = {"input", "02LambdaBlock", "04LambdaBlock"};

    /** Trains 3 epochs on generated 10-class images; returns the listener after training. */
    private static ManifoldMixupTrainingListener train(
            ManifoldMixupTrainingListener.Builder mixup, Loss loss, int epochs) throws Exception {
        ManifoldMixupTrainingListener listener = mixup.optSeed(3).build();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("rules")) {
            Block block = Fixtures.smallConvNet();
            model.setBlock(block);
            ArrayDataset train = Fixtures.bandImages(manager, 512, 32, 1);
            ArrayDataset validation = Fixtures.bandImages(manager, 256, 64, 2);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(loss)
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.01f))
                                            .build())
                            .addEvaluator(new Accuracy())
                            .addTrainingListeners(TrainingListener.Defaults.basic())
                            .addTrainingListeners(listener);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                EasyTrain.fit(trainer, epochs, train, validation);
                float accuracy = trainer.getTrainingResult().getValidateEvaluation("Accuracy");
                float trainLoss = trainer.getTrainingResult().getTrainLoss();
                assertTrue(Float.isFinite(trainLoss), "training loss " + trainLoss);
                assertTrue(accuracy > 0.5f, "validation accuracy " + accuracy + " (chance 0.1)");
            }
            assertSame(block, model.getBlock());
        }
        return listener;
    }

    private static ManifoldMixupTrainingListener.Builder rule(String strategy) {
        return ManifoldMixupTrainingListener.builder()
                .optStrategy(strategy)
                .optAlpha(1f)
                .optMixingLayers(CONV_POINTS);
    }

    private static Loss softTargets() {
        return SoftTargetLoss.crossEntropy().build();
    }

    @Test
    void mixupWithOneLambdaPerExample() throws Exception {
        train(rule("mixup").optLambdaMode(LambdaMode.ELEM).optFoldLambda(true), softTargets(), 3);
    }

    @Test
    void cutMixAtTheInputAndAtHiddenLayersPerBatchAndPerExample() throws Exception {
        train(rule("cutmix"), MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()), 3);
        train(rule("cutmix").optLambdaMode(LambdaMode.ELEM), softTargets(), 3);
    }

    @Test
    void patchUpHardAndSoft() throws Exception {
        train(
                ManifoldMixupTrainingListener.builder()
                        .optStrategy(PtPatchUpStrategy.builder().optBlockSize(3).build())
                        .optMixingLayers("02LambdaBlock", "04LambdaBlock"),
                softTargets(),
                3);
        train(
                ManifoldMixupTrainingListener.builder()
                        .optStrategy(
                                PtPatchUpStrategy.builder()
                                        .optBlockSize(5)
                                        .optMode(PtPatchUpStrategy.Mode.SOFT)
                                        .build())
                        .optLambdaMode(LambdaMode.ELEM)
                        .optMixingLayers("02LambdaBlock", "04LambdaBlock"),
                softTargets(),
                3);
    }

    @Test
    void weightedStrategiesWithProbabilityScheduleSmoothingAndAnOffEpoch() throws Exception {
        ManifoldMixupTrainingListener listener =
                train(
                        ManifoldMixupTrainingListener.builder()
                                .addStrategy("mixup", 1f, 0.8f)
                                .addStrategy("cutmix", 1f, 1f)
                                .optProbability(0.8f)
                                .optAlphaSchedule(
                                        CosineWarmUpTracker.builder()
                                                .optBeginValue(0.2f)
                                                .setWarmUpSteps(2)
                                                .build())
                                .optMixingOffEpoch(2)
                                .optMixingLayers(CONV_POINTS),
                        SoftTargetLoss.softmaxBinaryCrossEntropy().optLabelSmoothing(0.1f).build(),
                        3);
        List<MixingStatistics> epochs = listener.getEpochStatistics();
        assertEquals(3, epochs.size());
        long mixed = epochs.get(0).mixedBatches() + epochs.get(1).mixedBatches();
        long unmixed = epochs.get(0).unmixedBatches() + epochs.get(1).unmixedBatches();
        assertEquals(32, mixed + unmixed, "16 batches per epoch");
        assertTrue(mixed >= 18 && mixed <= 31, "about 80% mixed: " + mixed);
        assertTrue(epochs.get(0).batchesPerStrategy().get("mixup") > 0);
        assertTrue(epochs.get(0).batchesPerStrategy().get("cutmix") > 0);
        assertEquals(0, epochs.get(2).mixedBatches(), "mixing is off from epoch 2");
        assertEquals(16, epochs.get(2).unmixedBatches());
    }

    @Test
    void probabilityZeroNeverMixesAndTheSameSeedRepeatsTheChoices() throws Exception {
        ManifoldMixupTrainingListener never =
                train(rule("mixup").optProbability(0f), softTargets(), 1);
        assertEquals(0, never.getEpochStatistics().get(0).mixedBatches());
        assertEquals(16, never.getEpochStatistics().get(0).unmixedBatches());

        Supplier<ManifoldMixupTrainingListener.Builder> weighted =
                () ->
                        ManifoldMixupTrainingListener.builder()
                                .addStrategy("mixup", 1f)
                                .addStrategy("cutmix", 2f)
                                .optProbability(0.5f)
                                .optMixingLayers(CONV_POINTS);
        assertEquals(
                train(weighted.get(), softTargets(), 1).getEpochStatistics(),
                train(weighted.get(), softTargets(), 1).getEpochStatistics());
    }

    @Test
    void rulesThatCannotApplyFailBeforeTheFirstBatch() {
        // per-example weights with a loss that returns one value per batch: at newTrainer
        try (Model model = Model.newInstance("errors")) {
            model.setBlock(Fixtures.smallConvNet());
            IllegalArgumentException perExample =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    model.newTrainer(
                                            Fixtures.config(
                                                    rule("mixup")
                                                            .optLambdaMode(LambdaMode.ELEM)
                                                            .build())));
            assertTrue(
                    perExample.getMessage().contains("SoftTargetLoss.crossEntropy().build()"),
                    perExample.getMessage());
        }
        // CutMix on a 2-D hidden state, PatchUp's block larger than the map: at initialize
        String cutMix =
                initializeFails(
                        new Mlp(784, 10, new int[] {32}),
                        ManifoldMixupTrainingListener.builder().optStrategy("cutmix"),
                        new Shape(1, 784));
        assertTrue(cutMix.contains("works on NCHW feature maps"), cutMix);
        String patchUp =
                initializeFails(
                        Fixtures.smallConvNet(),
                        ManifoldMixupTrainingListener.builder()
                                .optStrategy(PtPatchUpStrategy.builder().optBlockSize(15).build())
                                .optMixingLayers("04LambdaBlock"),
                        new Shape(1, 1, 28, 28));
        assertTrue(patchUp.contains("larger than the 14x14 feature map"), patchUp);
        // bad numbers: at build()
        assertThrows(
                IllegalArgumentException.class, () -> rule("mixup").optProbability(1.5f).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ManifoldMixupTrainingListener.builder()
                                .addStrategy("mixup", 0f)
                                .addStrategy("cutmix", 0f)
                                .build());
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ManifoldMixupTrainingListener.builder()
                                        .addStrategy("mixpu", 1f)
                                        .build());
        assertTrue(
                unknown.getMessage().contains("cutmix, mixup, patchup")
                        || unknown.getMessage().contains("Available"),
                unknown.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> rule("mixup").optMixingOffEpoch(-1).build());
    }

    private static String initializeFails(
            Block block, ManifoldMixupTrainingListener.Builder mixup, Shape input) {
        try (Model model = Model.newInstance("errors")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(Fixtures.config(mixup.build()))) {
                return assertThrows(IllegalArgumentException.class, () -> trainer.initialize(input))
                        .getMessage();
            } finally {
                assertSame(block, model.getBlock());
            }
        }
    }
}
