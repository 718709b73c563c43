package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A training forward pass returns exactly the mixed hidden state, at the input and inside. */
class MixedHiddenStateTest {

    private static final int ROWS = 6;
    private static final int COLS = 3;

    private static void check(String layer, boolean input) {
        try (NDManager host = NDManager.newBaseManager()) {
            for (long seed = 1; seed <= 3; seed++) {
                ManifoldMixupTrainingListener listener =
                        ManifoldMixupTrainingListener.builder()
                                .optMixingLayers(layer)
                                .optSeed(seed)
                                .build();
                try (Model model = Fixtures.squarePlusOneModel();
                        Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                    trainer.initialize(new Shape(ROWS, COLS));
                    NDArray x = Fixtures.distinctRows(host, ROWS, COLS, -1f);
                    NDList out =
                            trainer.forward(new NDList(x), new NDList(host.zeros(new Shape(ROWS))));
                    MixingRecord record = Fixtures.record(out);
                    float w = record.targetWeight().getFloat();
                    long[] permutation = record.permutation().toLongArray();
                    long[] sorted = permutation.clone();
                    Arrays.sort(sorted);
                    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, sorted, "a permutation");
                    assertTrue(w >= 0 && w <= 1);
                    float[] expected =
                            input
                                    ? Fixtures.expectedInputMix(
                                            x.toFloatArray(), COLS, w, permutation)
                                    : Fixtures.expectedHiddenMix(
                                            x.toFloatArray(), COLS, w, permutation);
                    assertArrayEquals(expected, out.head().toFloatArray(), 1e-5f);
                    assertEquals(new Shape(ROWS, COLS), out.head().getShape());
                }
            }
        }
    }

    @Test
    void atTheInputTheNetworkSeesLambdaXPlusOneMinusLambdaXPermuted() {
        check("input", true);
    }

    @Test
    void atAHiddenLayerTheStateIsLambdaHPlusOneMinusLambdaHPermuted() {
        check("01LambdaBlock", false);
    }

    @Test
    void evaluationAndPredictorsNeverMixWhileTheListenerIsActive() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("input", "01LambdaBlock")
                        .optSeed(1)
                        .build();
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
            trainer.initialize(new Shape(ROWS, COLS));
            NDArray x = Fixtures.distinctRows(trainer.getManager(), ROWS, COLS, -1f);
            float[] plain = x.square().add(1f).toFloatArray();
            NDList evaluated = trainer.evaluate(new NDList(x));
            assertTrue(MixingRecord.find(evaluated).isEmpty());
            assertArrayEquals(plain, evaluated.singletonOrThrow().toFloatArray(), 0f);
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                NDList predicted = predictor.predict(new NDList(x));
                assertArrayEquals(plain, predicted.singletonOrThrow().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void inputAndHiddenMixingDifferOnThisNonLinearNetwork() {
        float[] x = {-1f, 0.5f, 2f, 3f};
        long[] permutation = {1, 0};
        assertNotEquals(
                Arrays.toString(Fixtures.expectedInputMix(x, 2, 0.3f, permutation)),
                Arrays.toString(Fixtures.expectedHiddenMix(x, 2, 0.3f, permutation)));
    }
}
