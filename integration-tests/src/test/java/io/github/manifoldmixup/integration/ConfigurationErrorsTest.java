package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategy;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every configuration mistake gets a clear message, raised before training, losing nothing. */
class ConfigurationErrorsTest {

    private static ManifoldMixupTrainingListener.Builder builder() {
        return ManifoldMixupTrainingListener.builder().optSeed(1);
    }

    /** Creating a trainer for an MLP fails with the message; the block stays the user's. */
    private static String newTrainerFails(
            Supplier<Block> blockFactory, DefaultTrainingConfig config) {
        try (Model model = Model.newInstance("errors")) {
            Block block = blockFactory.get();
            model.setBlock(block);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.newTrainer(config));
            assertSame(block, model.getBlock());
            return e.getMessage();
        }
    }

    @Test
    void aLossThatIsNotWrappedFailsWhenTheTrainerIsCreatedAndShowsTheFix() {
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .addTrainingListeners(builder().build());
        String message = newTrainerFails(() -> new Mlp(2, 2, new int[] {8}), config);
        assertTrue(message.contains("MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())"), message);
    }

    @Test
    void anUnknownLayerFailsWhenTheTrainerIsCreatedAndListsTheNames() {
        String message =
                newTrainerFails(
                        () -> new Mlp(2, 2, new int[] {8}),
                        Fixtures.config(builder().optMixingLayers("02Conv2d").build()));
        assertTrue(message.contains("Unknown mixing layer '02Conv2d'"), message);
        assertTrue(message.contains("input, 01LambdaBlock, 02Linear, 03LambdaBlock"), message);
        String byIndex =
                newTrainerFails(
                        () -> new Mlp(2, 2, new int[] {8}),
                        Fixtures.config(builder().optMixingLayers(2, 9).build()));
        assertTrue(byIndex.contains("Unknown mixing layer '9'"), byIndex);
    }

    @Test
    void aBlockThatCannotBeMixedSaysWhatIsSupported() {
        String message =
                newTrainerFails(
                        () -> Linear.builder().setUnits(2).build(),
                        Fixtures.config(builder().optMixingLayers("1").build()));
        assertTrue(message.contains("Cannot mix hidden states of a Linear"), message);
        assertTrue(message.contains("SequentialBlock"), message);
        assertTrue(message.contains("optIncludeInput(true)"), message);
    }

    @Test
    void aStrategyThatRejectsTheEngineFailsWhenTheTrainerIsCreated() {
        MixupStrategy otherEngine =
                new MixupStrategy() {
                    @Override
                    public String getName() {
                        return "other-engine";
                    }

                    @Override
                    public boolean supports(Engine engine) {
                        return false;
                    }

                    @Override
                    public MixedState mix(NDArray hidden, MixingContext context) {
                        throw new AssertionError("never called");
                    }
                };
        String message =
                newTrainerFails(
                        () -> new Mlp(2, 2, new int[] {8}),
                        Fixtures.config(builder().optStrategy(otherEngine).build()));
        assertTrue(message.contains("does not support the PyTorch engine"), message);
    }

    @Test
    void aStrategyThatCannotMixAShapeFailsAtInitializeNotMidEpoch() {
        MixupStrategy imagesOnly =
                new MixupStrategy() {
                    @Override
                    public String getName() {
                        return "images-only";
                    }

                    @Override
                    public void validate(String layer, Shape hiddenShape) {
                        if (hiddenShape.dimension() != 4) {
                            throw new IllegalArgumentException(
                                    "images-only needs NCHW at " + layer + ", got " + hiddenShape);
                        }
                    }

                    @Override
                    public MixedState mix(NDArray hidden, MixingContext context) {
                        throw new AssertionError("never called");
                    }
                };
        Block block = new Mlp(2, 2, new int[] {8});
        try (Model model = Model.newInstance("errors")) {
            model.setBlock(block);
            try (Trainer trainer =
                    model.newTrainer(Fixtures.config(builder().optStrategy(imagesOnly).build()))) {
                IllegalArgumentException e =
                        assertThrows(
                                IllegalArgumentException.class,
                                () -> trainer.initialize(new Shape(1, 2)));
                assertEquals("images-only needs NCHW at 03LambdaBlock, got (1, 8)", e.getMessage());
            }
            assertSame(block, model.getBlock());
        }
    }

    @Test
    void oneListenerCannotServeTwoTrainersAtOnce() {
        ManifoldMixupTrainingListener listener = builder().build();
        try (Model first = Model.newInstance("first");
                Model second = Model.newInstance("second")) {
            first.setBlock(new Mlp(2, 2, new int[] {8}));
            second.setBlock(new Mlp(2, 2, new int[] {8}));
            try (Trainer trainer = first.newTrainer(Fixtures.config(listener))) {
                IllegalStateException e =
                        assertThrows(
                                IllegalStateException.class,
                                () -> second.newTrainer(Fixtures.config(listener)));
                assertTrue(e.getMessage().contains("already attached"), e.getMessage());
            }
            // once the first trainer is closed, the listener can be used again
            try (Trainer trainer = second.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(new Shape(1, 2));
            }
        }
    }

    @Test
    void batchesOfOneExampleTrainUnmixed() throws Exception {
        ManifoldMixupTrainingListener listener = builder().optIncludeInput(true).build();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("tiny")) {
            model.setBlock(new Mlp(2, 2, new int[] {8}));
            ArrayDataset three = new TwoSpirals(1, 0.05).generate(manager, 3, 1, false, 1);
            try (Trainer trainer =
                    model.newTrainer(
                            Fixtures.config(listener)
                                    .addTrainingListeners(TrainingListener.Defaults.basic()))) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, 1, three, null);
                assertTrue(Float.isFinite(trainer.getTrainingResult().getTrainLoss()));
            }
            MixingStatistics epoch = listener.getEpochStatistics().get(0);
            assertEquals(3, epoch.unmixedBatches());
            assertEquals(0, epoch.mixedBatches());
        }
    }

    @Test
    void anyBlockCanBeInputMixed() throws Exception {
        ManifoldMixupTrainingListener listener = builder().optIncludeInput(true).build();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("linear")) {
            // a residual-style block: not a SequentialBlock, so only its input can be mixed
            Block hidden =
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(8).build())
                            .add(Activation.reluBlock())
                            .add(Linear.builder().setUnits(2).build());
            model.setBlock(
                    new ParallelBlock(
                            outputs -> new NDList(outputs.get(0).head().add(outputs.get(1).head())),
                            List.of(Linear.builder().setUnits(2).build(), hidden)));
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 128, 32, true, 1);
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, 1, data, null);
            }
            // EasyTrain.fit calls onEpoch: 4 batches of 32, all at the input
            MixingStatistics epoch = listener.getEpochStatistics().get(0);
            assertEquals(4L, epoch.batchesPerLayer().get("input"));
        }
    }
}
