package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.strategy.MixupStrategy;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that crashes in the middle of an epoch and resumes from the last per-epoch checkpoint, with
 * a new listener set to the checkpoint's epoch, ends in the same accuracy band as a run that was
 * never interrupted.
 */
class ResumeAfterCrashTest {

    private static final int EPOCHS = 12;

    /** The crash comes in the 11th epoch (1-based), so the run resumes after epoch 10. */
    private static final int CRASH_EPOCH = 11;

    private static final int BATCHES_PER_EPOCH = 1000 / 50;

    private static final float ACCURACY_FLOOR = 0.9f;

    private static final float BAND = 0.03f;

    @TempDir Path checkpoints;

    @Test
    void aRunResumedAfterACrashReachesTheAccuracyOfAnUninterruptedRun() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            TwoSpirals spirals = new TwoSpirals(1, 0.05);
            ArrayDataset train = spirals.generate(manager, 1000, 50, true, 1);
            ArrayDataset validation = spirals.generate(manager, 1000, 500, false, 2);

            float uninterrupted = train(null, 0, EPOCHS, train, validation).accuracy();

            int crashCall = (CRASH_EPOCH - 1) * BATCHES_PER_EPOCH + 7;
            OutOfMemoryError crash = new OutOfMemoryError("simulated, in the 11th epoch");
            OutOfMemoryError thrown =
                    assertThrows(
                            OutOfMemoryError.class,
                            () ->
                                    train(
                                            FaultyStrategy.throwing(crashCall, crash),
                                            0,
                                            EPOCHS,
                                            train,
                                            validation));
            assertSame(crash, thrown);

            // a new process: a new model and listener, the last checkpoint, the listener's epoch
            Run resumed = train(null, CRASH_EPOCH - 1, EPOCHS, train, validation);
            List<MixingStatistics> statistics = resumed.listener().getEpochStatistics();
            assertEquals(EPOCHS - CRASH_EPOCH + 1, statistics.size());
            assertEquals(CRASH_EPOCH - 1, statistics.get(0).epoch());
            MixingStatistics last = statistics.get(statistics.size() - 1);
            assertEquals(0, last.mixedBatches(), "the last epoch is past the off epoch: " + last);

            assertTrue(
                    uninterrupted > ACCURACY_FLOOR && resumed.accuracy() > ACCURACY_FLOOR,
                    "accuracy uninterrupted " + uninterrupted + ", resumed " + resumed.accuracy());
            assertEquals(uninterrupted, resumed.accuracy(), BAND, "resumed against uninterrupted");

            // the resumed epochs alone, from scratch, stay below the floor: the checkpoint counts
            float scratch = train(null, 0, EPOCHS - CRASH_EPOCH + 1, train, validation).accuracy();
            assertTrue(scratch < ACCURACY_FLOOR, "from scratch " + scratch);
        }
    }

    /**
     * Trains from the checkpoint after {@code from} epochs (from scratch if 0) up to {@code to}
     * epochs, writing a checkpoint after every epoch, and returns the validation accuracy.
     */
    private Run train(
            MixupStrategy strategy, int from, int to, ArrayDataset train, ArrayDataset validation)
            throws Exception {
        Engine.getInstance().setRandomSeed(3);
        ManifoldMixupTrainingListener.Builder builder =
                ManifoldMixupTrainingListener.builder()
                        .optIncludeInput(true)
                        .optMixingOffEpoch(EPOCHS - 1)
                        .optSeed(3 + from);
        if (strategy != null) {
            builder.optStrategy(strategy);
        }
        ManifoldMixupTrainingListener listener = builder.build();
        try (Model model = Model.newInstance("spirals")) {
            Block block = new Mlp(2, 2, new int[] {32, 32});
            model.setBlock(block);
            if (from > 0) {
                block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
                model.load(checkpoints.resolve("epoch-" + from), "spirals");
                listener.setEpoch(from);
            }
            try (Trainer trainer =
                    model.newTrainer(
                            Fixtures.config(
                                            new EvaluatorTrainingListener(),
                                            listener,
                                            checkpointer(from))
                                    .addEvaluator(new Accuracy()))) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, to - from, train, validation);
                return new Run(
                        listener, trainer.getTrainingResult().getValidateEvaluation("Accuracy"));
            }
        }
    }

    /** Saves the model after every epoch into {@code epoch-N}, N counted from the start. */
    private TrainingListener checkpointer(int from) {
        return new TrainingListenerAdapter() {
            private int epoch = from;

            @Override
            public void onEpoch(Trainer trainer) {
                epoch++;
                try {
                    trainer.getModel().save(checkpoints.resolve("epoch-" + epoch), "spirals");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The listener of a run and its final validation accuracy. */
    private record Run(ManifoldMixupTrainingListener listener, float accuracy) {}
}
