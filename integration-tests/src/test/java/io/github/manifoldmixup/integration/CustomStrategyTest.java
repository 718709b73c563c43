package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.MixupStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A strategy listed in META-INF/services is picked up by name, without touching the library. */
class CustomStrategyTest {

    @Test
    void theUsersStrategyIsFoundBesideTheBuiltInOne() {
        assertEquals(
                List.of("binary-mixup", "cutmix", "mixup", "patchup"),
                MixupStrategies.names().stream().sorted().toList());
        assertInstanceOf(BinaryMixupStrategy.class, MixupStrategies.find("binary-mixup"));
    }

    @Test
    void theListenerMixesWithTheUsersStrategy() {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optStrategy("binary-mixup")
                        .optMixingLayers("01LambdaBlock")
                        .optSeed(4)
                        .build();
        assertInstanceOf(BinaryMixupStrategy.class, listener.getStrategy());
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
            trainer.initialize(new Shape(6, 3));
            NDManager manager = trainer.getManager();
            boolean sawOwn = false;
            boolean sawPartner = false;
            for (int i = 0; i < 20; i++) {
                NDArray x = Fixtures.distinctRows(manager, 6, 3, -1f);
                NDList out =
                        trainer.forward(new NDList(x), new NDList(manager.zeros(new Shape(6))));
                MixingRecord record = Fixtures.record(out);
                float w = record.targetWeight().getFloat();
                assertTrue(w == 0f || w == 1f, "a hard weight, got " + w);
                sawOwn |= w == 1f;
                sawPartner |= w == 0f;
                assertArrayEquals(
                        Fixtures.expectedHiddenMix(
                                x.toFloatArray(), 3, w, record.permutation().toLongArray()),
                        out.head().toFloatArray(),
                        1e-5f);
            }
            assertTrue(sawOwn && sawPartner, "20 draws of Beta(2, 2) fall on both sides of 0.5");
        }
    }

    @Test
    void theReadmeStrategyWorksWithOneLambdaPerExampleToo() {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optStrategy("binary-mixup")
                        .optLambdaMode(LambdaMode.ELEM)
                        .optMixingLayers("01LambdaBlock")
                        .optSeed(4)
                        .build();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(SoftTargetLoss.crossEntropy().build())
                        .addTrainingListeners(listener);
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(6, 3));
            NDManager manager = trainer.getManager();
            NDArray x = Fixtures.distinctRows(manager, 6, 3, -1f);
            NDList out = trainer.forward(new NDList(x), new NDList(manager.zeros(new Shape(6))));
            MixingRecord record = Fixtures.record(out);
            float[] weights = record.targetWeight().toFloatArray();
            assertEquals(6, weights.length);
            for (float w : weights) {
                assertTrue(w == 0f || w == 1f, "a hard weight per row, got " + w);
            }
            assertArrayEquals(
                    Fixtures.expectedHiddenMix(
                            x.toFloatArray(), 3, weights, record.permutation().toLongArray()),
                    out.head().toFloatArray(),
                    1e-5f);
        }
    }
}
