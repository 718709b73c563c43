package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.NonFiniteValueException;
import io.github.manifoldmixup.loss.MixupLoss;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The listener stops at the first non-finite mixed state or loss and names the layer, the batch and
 * what was already non-finite; 128 examples in batches of 32 make four batches per epoch, in order.
 */
class NonFiniteCheckTest {

    @Test
    void aNaNInTheInputIsReportedAtItsBatchAndMixingPoint() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("03LambdaBlock")
                        .optSeed(1)
                        .build();
        NonFiniteValueException thrown =
                assertThrows(
                        NonFiniteValueException.class, () -> train(Fixtures.config(listener), 70));
        // example 70 is in batch 2 (examples 64..95) of the first epoch
        assertEquals("03LambdaBlock", thrown.getMixingPoint().orElseThrow());
        assertEquals(0, thrown.getEpoch());
        assertEquals(2, thrown.getBatch());
        assertEquals(2, thrown.getStep());
        assertMentions(
                thrown,
                "mixed hidden state at '03LambdaBlock'",
                "training batch 2 of epoch 0",
                "the input batch contains NaN or infinite values",
                "all parameters are finite",
                "already non-finite before mixing");
    }

    @Test
    void aStrategyThatMakesInfinityIsBlamedForIt() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optStrategy(FaultyStrategy.infinite(6))
                        .optMixingLayers("03LambdaBlock")
                        .optSeed(1)
                        .build();
        NonFiniteValueException thrown =
                assertThrows(
                        NonFiniteValueException.class, () -> train(Fixtures.config(listener), -1));
        // the sixth mixed batch is the second of the second epoch
        assertEquals(1, thrown.getEpoch());
        assertEquals(1, thrown.getBatch());
        assertEquals(5, thrown.getStep());
        assertMentions(
                thrown,
                "at '03LambdaBlock' (strategy 'faulty', lambda ",
                "the input batch is finite",
                "finite before mixing, so the mixing strategy made");
    }

    @Test
    void aNaNParameterIsFoundThroughTheLossBeforeDjlsDivergenceCheck() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder().optMixingLayers("input").optSeed(1).build();
        // as the engine's NaN gradients would leave it: a NaN weight after the first epoch
        TrainingListener corrupter =
                new TrainingListenerAdapter() {
                    @Override
                    public void onEpoch(Trainer trainer) {
                        weight(trainer.getModel().getBlock()).set(new NDIndex(0, 0), Float.NaN);
                    }
                };
        DefaultTrainingConfig config =
                Fixtures.config(TrainingListener.Defaults.logging())
                        .addTrainingListeners(corrupter, listener);
        NonFiniteValueException thrown =
                assertThrows(NonFiniteValueException.class, () -> train(config, -1));
        assertEquals("input", thrown.getMixingPoint().orElseThrow());
        assertEquals(1, thrown.getEpoch());
        assertEquals(0, thrown.getBatch());
        assertEquals(4, thrown.getStep());
        assertMentions(
                thrown,
                "in the training loss (strategy 'mixup', lambda ",
                "non-finite parameters: 02Linear_weight",
                "the network's output is non-finite",
                "ONEDNN_MAX_CPU_ISA=AVX2");
    }

    @Test
    void withTheCheckOffANaNInputSpoilsTheParametersSilently() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("03LambdaBlock")
                        .optNonFiniteCheck(false)
                        .optSeed(1)
                        .build();
        assertTrue(train(Fixtures.config(listener), 70), "the NaN reached the weights unnoticed");
    }

    @Test
    void theCheckEvaluatesNoLossOfItsOwn() throws Exception {
        for (boolean check : new boolean[] {true, false}) {
            AtomicInteger evaluations = new AtomicInteger();
            Loss counting =
                    new Loss("counting") {
                        private final Loss inner = Loss.softmaxCrossEntropyLoss();

                        @Override
                        public NDArray evaluate(NDList labels, NDList predictions) {
                            evaluations.incrementAndGet();
                            return inner.evaluate(labels, predictions);
                        }
                    };
            ManifoldMixupTrainingListener listener =
                    ManifoldMixupTrainingListener.builder()
                            .optMixingLayers("03LambdaBlock")
                            .optNonFiniteCheck(check)
                            .optSeed(1)
                            .build();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(MixupLoss.wrap(counting))
                            .addTrainingListeners(listener);
            assertFalse(train(config, -1));
            // 2 epochs of 4 batches, each mixed: own and partner targets, once per step
            assertEquals(2 * 4 * 2, evaluations.get(), "check " + check);
        }
    }

    /**
     * Trains two epochs (optionally with a NaN in one example) and returns whether the first weight
     * holds NaN, or throws; the user's block is back either way.
     */
    private static boolean train(DefaultTrainingConfig config, int nanExample) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("non-finite")) {
            Block block = new Mlp(2, 2, new int[] {8});
            model.setBlock(block);
            ArrayDataset data = Fixtures.quadrants(manager, 128, 32, nanExample);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, 2, data, null);
            } finally {
                assertSame(block, model.getBlock());
            }
            return weight(block).isNaN().any().getBoolean();
        }
    }

    private static void assertMentions(NonFiniteValueException thrown, String... parts) {
        for (String part : parts) {
            assertTrue(thrown.getMessage().contains(part), thrown.getMessage());
        }
    }

    private static NDArray weight(Block block) {
        for (var entry : block.getParameters()) {
            if (entry.getKey().equals("02Linear_weight")) {
                Parameter parameter = entry.getValue();
                return parameter.getArray();
            }
        }
        throw new AssertionError("no 02Linear_weight in " + block.getParameters().keys());
    }
}
