package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user contract of the README, end to end with {@code EasyTrain.fit}. */
class EasyTrainFitTest {

    private static final int EPOCHS = 20;

    @Test
    void trainsOnGeneratedSpiralsAndReportsWhatItMixed() throws Exception {
        Engine.getInstance().setRandomSeed(11);
        List<Float> trainLoss = new ArrayList<>();
        List<Float> validationLoss = new ArrayList<>();
        TrainingListener lossRecorder =
                new TrainingListenerAdapter() {
                    @Override
                    public void onEpoch(Trainer trainer) {
                        trainLoss.add(trainer.getTrainingResult().getTrainLoss());
                        validationLoss.add(trainer.getTrainingResult().getValidateLoss());
                    }
                };
        ManifoldMixupTrainingListener mixup =
                ManifoldMixupTrainingListener.builder()
                        .optAlpha(1f)
                        .optIncludeInput(true)
                        .optSeed(11)
                        .build();
        TwoSpirals spirals = new TwoSpirals(1.5, 0.08);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("spirals")) {
            ArrayDataset train = spirals.generate(manager, 2000, 64, true, 1);
            ArrayDataset validation = spirals.generate(manager, 1000, 500, false, 2);
            model.setBlock(new Mlp(2, 2, new int[] {64, 64, 64}));
            DefaultTrainingConfig config =
                    Fixtures.config()
                            .addEvaluator(new Accuracy())
                            .addTrainingListeners(TrainingListener.Defaults.logging())
                            .addTrainingListeners(mixup, lossRecorder);
            TrainingResult result;
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, EPOCHS, train, validation);
                result = trainer.getTrainingResult();
            }

            assertEquals(EPOCHS, trainLoss.size());
            // the logged training loss is the mixed one, which keeps a floor from the mixed targets
            double lastFive =
                    trainLoss.subList(EPOCHS - 5, EPOCHS).stream()
                            .mapToDouble(f -> f)
                            .average()
                            .orElseThrow();
            assertTrue(
                    lastFive < 0.85 * trainLoss.get(0), "training loss should fall: " + trainLoss);
            assertTrue(
                    validationLoss.get(EPOCHS - 1) < 0.6 * validationLoss.get(0),
                    "validation loss should fall: " + validationLoss);
            float accuracy = result.getValidateEvaluation("Accuracy");
            assertTrue(accuracy > 0.85f, "validation accuracy " + accuracy + " (chance: 0.5)");

            List<MixingStatistics> statistics = mixup.getEpochStatistics();
            assertEquals(EPOCHS, statistics.size());
            long[] perLayer = new long[4];
            for (MixingStatistics epoch : statistics) {
                assertEquals(32, epoch.mixedBatches(), "2000 examples in batches of 64");
                assertEquals(0, epoch.unmixedBatches());
                assertEquals(
                        List.of("input", "03LambdaBlock", "05LambdaBlock", "07LambdaBlock"),
                        List.copyOf(epoch.batchesPerLayer().keySet()));
                int i = 0;
                for (long count : epoch.batchesPerLayer().values()) {
                    perLayer[i++] += count;
                }
            }
            for (long count : perLayer) {
                // 640 uniform draws over 4 layers: 160 expected, far from 100 and 220
                assertTrue(
                        count > 100 && count < 220,
                        "layer counts " + java.util.Arrays.toString(perLayer));
            }
            double meanLambda =
                    statistics.stream()
                            .mapToDouble(MixingStatistics::meanLambda)
                            .average()
                            .orElseThrow();
            assertEquals(0.5, meanLambda, 0.05);
        }
    }
}
