package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault in the middle of an epoch (an exception, an error, an interrupted thread) leaves the
 * user's block in the model and the listener ready for the next trainer, with no counts carried
 * over from the broken epoch.
 */
class FaultsTest {

    /** 128 examples in batches of 32: four batches per epoch. */
    private static final int BATCHES_PER_EPOCH = 4;

    /** The second batch of the second epoch. */
    private static final int FAULTY_CALL = BATCHES_PER_EPOCH + 2;

    static Stream<Throwable> faults() {
        return Stream.of(
                new OutOfMemoryError("Java heap space, while mixing"),
                new EngineException("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator"),
                new IllegalStateException("a bug in a strategy"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aFaultWhileMixingLeavesTheUsersBlockAndAReusableListener(Throwable fault)
            throws Exception {
        FaultyStrategy strategy =
                fault instanceof Error error
                        ? FaultyStrategy.throwing(FAULTY_CALL, error)
                        : FaultyStrategy.throwing(FAULTY_CALL, (RuntimeException) fault);
        ManifoldMixupTrainingListener listener = listener(strategy);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("faults")) {
            Block block = new Mlp(2, 2, new int[] {8});
            model.setBlock(block);
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 128, 32, true, 1);
            Throwable thrown =
                    assertThrows(
                            Throwable.class,
                            () -> {
                                try (Trainer trainer =
                                        model.newTrainer(
                                                Fixtures.config(TrainingListener.Defaults.logging())
                                                        .addTrainingListeners(listener))) {
                                    trainer.initialize(new Shape(1, 2));
                                    EasyTrain.fit(trainer, 3, data, null);
                                }
                            });
            assertSame(fault, thrown);
            assertSame(block, model.getBlock(), "the user's block is back after " + fault);

            assertRetrainsWithoutLeftovers(model, listener, data);
        }
    }

    @Test
    void anInterruptedTrainingThreadLeavesTheUsersBlock() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        ManifoldMixupTrainingListener listener =
                listener(FaultyStrategy.waitingForInterrupt(FAULTY_CALL, waiting::countDown));
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("interrupted")) {
            Block block = new Mlp(2, 2, new int[] {8});
            model.setBlock(block);
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 128, 32, true, 1);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean interruptedAtClose = new AtomicBoolean();
            Thread training =
                    new Thread(
                            () -> {
                                try {
                                    try (Trainer trainer =
                                            model.newTrainer(Fixtures.config(listener))) {
                                        trainer.initialize(new Shape(1, 2));
                                        EasyTrain.fit(trainer, 3, data, null);
                                    } finally {
                                        interruptedAtClose.set(
                                                Thread.currentThread().isInterrupted());
                                    }
                                } catch (Throwable t) {
                                    thrown.set(t);
                                }
                            });
            training.start();
            assertTrue(waiting.await(30, TimeUnit.SECONDS), "training reached the faulty batch");
            training.interrupt();
            training.join(30_000);
            assertFalse(training.isAlive());

            assertInstanceOf(InterruptedException.class, thrown.get().getCause());
            assertTrue(interruptedAtClose.get(), "the trainer was closed on an interrupted thread");
            assertSame(block, model.getBlock());
            assertRetrainsWithoutLeftovers(model, listener, data);
        }
    }

    private static ManifoldMixupTrainingListener listener(FaultyStrategy strategy) {
        return ManifoldMixupTrainingListener.builder()
                .optStrategy(strategy)
                .optIncludeInput(true)
                .optSeed(1)
                .build();
    }

    /**
     * Trains one more epoch with the same listener: it attaches again, and its first epoch counts
     * only this trainer's batches, none of the broken epoch's.
     */
    private static void assertRetrainsWithoutLeftovers(
            Model model, ManifoldMixupTrainingListener listener, ArrayDataset data)
            throws Exception {
        assertEquals(1, listener.getEpoch(), "one epoch completed before the fault");
        try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
            trainer.initialize(new Shape(1, 2));
            EasyTrain.fit(trainer, 1, data, null);
        }
        List<MixingStatistics> statistics = listener.getEpochStatistics();
        assertEquals(1, statistics.size());
        assertEquals(1, statistics.get(0).epoch());
        assertEquals(BATCHES_PER_EPOCH, statistics.get(0).mixedBatches());
    }
}
