package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.NonFiniteValueException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of configurations, batches, labels and inputs on a small conv net. Every case must
 * end in one of: a clear {@link IllegalArgumentException} while configuring (building the listener
 * or the loss, creating the trainer, initializing), with the user's block back in the model; for
 * labels the loss does not take, a clear error at the first batch or a finite loss; for well-formed
 * labels and finite inputs, finite losses and predictions; for NaN or infinite inputs, the
 * listener's {@link NonFiniteValueException} (its check is drawn on in three cases of four) or,
 * with the check off, a loss that is not finite. Never a crash or a hang (each case has a time
 * limit).
 */
class HostileInputFuzzTest {

    private static final long SEED = 20261130L;
    private static final int CASES = 5000;
    private static final int STEPS = 2;
    private static final Duration CASE_LIMIT = Duration.ofSeconds(20);

    /** How a case ended. */
    enum Outcome {
        REJECTED_AT_BUILD,
        REJECTED_AT_NEW_TRAINER,
        REJECTED_AT_INITIALIZE,
        REJECTED_AT_FIRST_BATCH,
        FINITE_LOSS,
        NON_FINITE_INPUT_REPORTED,
        NON_FINITE_INPUT_NON_FINITE_LOSS
    }

    @Test
    void everyCaseEndsInAClearErrorOrAFiniteLoss() throws Exception {
        Engine.getInstance().setRandomSeed((int) SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        // one worker thread for all cases, with one intra-op thread: the arrays are tiny, and
        // libtorch's parallel regions only cost here, a lot on a busy machine
        ExecutorService worker = Executors.newSingleThreadExecutor();
        int threads = JniUtils.getNumThreads();
        try {
            worker.submit(() -> JniUtils.setNumThreads(1)).get();
            for (int i = 0; i < CASES; i++) {
                FuzzCase fuzzCase = FuzzCase.draw(random);
                counts.merge(withinLimit(worker, fuzzCase), 1, Integer::sum);
            }
        } finally {
            worker.submit(() -> JniUtils.setNumThreads(threads)).get();
            worker.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "hostile-input fuzz: %d cases, %s%n", CASES, counts);
        // the generator must reach every ending, training ones in good number
        for (Outcome outcome : Outcome.values()) {
            assertTrue(counts.getOrDefault(outcome, 0) > 0, "never reached " + outcome);
        }
        assertTrue(counts.get(Outcome.FINITE_LOSS) >= CASES / 10, counts.toString());
    }

    private static Outcome withinLimit(ExecutorService worker, FuzzCase fuzzCase)
            throws InterruptedException {
        Future<Outcome> outcome = worker.submit(() -> run(fuzzCase));
        try {
            return outcome.get(CASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("hung: " + fuzzCase, e);
        } catch (ExecutionException e) {
            throw new AssertionError("crashed: " + fuzzCase, e.getCause());
        }
    }

    private static Outcome run(FuzzCase fuzzCase) {
        ManifoldMixupTrainingListener listener;
        DefaultTrainingConfig config;
        try {
            listener = fuzzCase.listener();
            config =
                    new DefaultTrainingConfig(fuzzCase.buildLoss())
                            .optOptimizer(
                                    Optimizer.sgd()
                                            .setLearningRateTracker(Tracker.fixed(0.01f))
                                            .build())
                            .addTrainingListeners(listener);
        } catch (IllegalArgumentException e) {
            requireClear(e, fuzzCase);
            return Outcome.REJECTED_AT_BUILD;
        }
        try (Model model = Model.newInstance("fuzz")) {
            Block block = FuzzCase.net();
            model.setBlock(block);
            Trainer trainer;
            try {
                trainer = model.newTrainer(config);
            } catch (IllegalArgumentException e) {
                requireClear(e, fuzzCase);
                assertSame(block, model.getBlock(), "block not restored: " + fuzzCase);
                return Outcome.REJECTED_AT_NEW_TRAINER;
            }
            Outcome outcome;
            try (trainer) {
                outcome = train(trainer, fuzzCase);
            }
            assertSame(block, model.getBlock(), "block not restored: " + fuzzCase);
            return outcome;
        }
    }

    private static Outcome train(Trainer trainer, FuzzCase fuzzCase) {
        try {
            trainer.initialize(new Shape(1, 1, FuzzCase.SIDE, FuzzCase.SIDE));
        } catch (IllegalArgumentException e) {
            requireClear(e, fuzzCase);
            return Outcome.REJECTED_AT_INITIALIZE;
        }
        for (int step = 0; step < STEPS; step++) {
            float loss;
            try {
                loss = step(trainer, fuzzCase);
            } catch (NonFiniteValueException e) {
                assertFalse(fuzzCase.input().finite(), "reported on finite input: " + fuzzCase);
                assertTrue(fuzzCase.nonFiniteCheck(), "reported with the check off: " + fuzzCase);
                requireClear(e, fuzzCase);
                return Outcome.NON_FINITE_INPUT_REPORTED;
            } catch (IllegalArgumentException | EngineException e) {
                boolean mayFail =
                        !fuzzCase.scheduleInRange() || step == 0 && !fuzzCase.labelsFitTheLoss();
                if (!mayFail) {
                    throw new AssertionError("failed on a well-formed batch: " + fuzzCase, e);
                }
                requireClear(e, fuzzCase);
                if (fuzzCase.labelsRefusedByTheLibrary()) {
                    assertInstanceOf(IllegalArgumentException.class, e, fuzzCase.toString());
                }
                return Outcome.REJECTED_AT_FIRST_BATCH;
            }
            assertFalse(fuzzCase.labelsRefusedByTheLibrary(), "labels accepted: " + fuzzCase);
            if (!fuzzCase.input().finite()) {
                assertFalse(fuzzCase.nonFiniteCheck(), "not reported: " + fuzzCase);
                assertFalse(Float.isFinite(loss), "finite loss on NaN/Inf input: " + fuzzCase);
                return Outcome.NON_FINITE_INPUT_NON_FINITE_LOSS;
            }
            if (!Float.isFinite(loss)) {
                fail("loss " + loss + " at step " + step + " on finite input: " + fuzzCase);
            }
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray predictions = trainer.evaluate(fuzzCase.makeData(manager)).head();
            assertTrue(
                    predictions.isInfinite().logicalOr(predictions.isNaN()).none().getBoolean(),
                    "non-finite predictions: " + fuzzCase);
        }
        return Outcome.FINITE_LOSS;
    }

    /** One training step as {@code EasyTrain.trainBatch} takes it; returns the loss. */
    private static float step(Trainer trainer, FuzzCase fuzzCase) {
        float loss;
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDList data = fuzzCase.makeData(manager);
            NDList labels = fuzzCase.makeLabels(manager);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(data, labels);
                NDArray value = trainer.getLoss().evaluate(labels, predictions);
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
        }
        return loss;
    }

    private static void requireClear(RuntimeException e, FuzzCase fuzzCase) {
        String message = e.getMessage();
        assertTrue(
                message != null && message.length() >= 20,
                "unclear " + e.getClass().getSimpleName() + " '" + message + "': " + fuzzCase);
    }
}
