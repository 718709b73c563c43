package io.github.manifoldmixup.robustness.ood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class OodScoreTest {

    @Test
    void scoresKnownLogits() {
        // row 0: z = (1, 2, 3): p = e^z / (e + e^2 + e^3) = (0.0900306, 0.2447285, 0.6652410)
        //   max = 0.6652410, sum p log p = -(0.0900306 * 2.4076059 + 0.2447285 * 1.4076059
        //   + 0.6652410 * 0.4076059) = -0.8323956
        // row 1: z = (0, 0, 0): p = 1/3 each, max = 1/3, sum p log p = -log 3 = -1.0986123
        // at T = 2 row 0 is z = (0.5, 1, 1.5): p = (0.1863237, 0.3071959, 0.5064804),
        //   sum p log p = -(0.1863237 * 1.6802696 + 0.3071959 * 1.1802696
        //   + 0.5064804 * 0.6802696) = -1.0201913
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
            int before = manager.getManagedArrays().size();
            NDArray msp = OodScore.MAX_SOFTMAX.score(logits, 1);
            assertEquals(before + 1, manager.getManagedArrays().size(), "only the result lives");
            assertSame(manager, msp.getManager());
            assertEquals(new Shape(2), msp.getShape());
            assertArrayEquals(new float[] {0.6652410f, 1 / 3f}, msp.toFloatArray(), 1e-6f);
            assertArrayEquals(
                    new float[] {-0.8323956f, (float) -Math.log(3)},
                    OodScore.NEGATIVE_ENTROPY.score(logits, 1).toFloatArray(),
                    1e-6f);
            assertArrayEquals(
                    new float[] {0.5064804f, 1 / 3f},
                    OodScore.MAX_SOFTMAX.score(logits, 2).toFloatArray(),
                    1e-6f);
            assertArrayEquals(
                    new float[] {-1.0201913f, (float) -Math.log(3)},
                    OodScore.NEGATIVE_ENTROPY.score(logits, 2).toFloatArray(),
                    1e-6f);
        }
    }

    @Test
    void idsAndArguments() {
        assertEquals("max_softmax", OodScore.MAX_SOFTMAX.id());
        assertEquals("negative_entropy", OodScore.NEGATIVE_ENTROPY.id());
        assertSame(OodScore.NEGATIVE_ENTROPY, OodScore.fromId("entropy"));
        assertSame(OodScore.NEGATIVE_ENTROPY, OodScore.fromId("Negative_Entropy"));
        assertSame(OodScore.MAX_SOFTMAX, OodScore.fromId("max_softmax"));
        assertSame(OodScore.MAX_SOFTMAX, OodScore.fromId("msp"));
        assertThrows(IllegalArgumentException.class, () -> OodScore.fromId("energy"));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.zeros(new Shape(2, 3));
            assertThrows(
                    IllegalArgumentException.class, () -> OodScore.MAX_SOFTMAX.score(logits, 0));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> OodScore.MAX_SOFTMAX.score(logits, Float.NaN));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> OodScore.NEGATIVE_ENTROPY.score(manager.zeros(new Shape(6)), 1));
        }
    }
}
