package io.github.manifoldmixup.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MixupLossTest {

    private static final float[][] LOGITS = {{2f, 0f, -1f}, {0.5f, 1.5f, 0f}, {0f, 0f, 3f}};
    private static final int[] LABELS = {0, 1, 2};
    private static final long[] PERMUTATION = {2, 0, 1};
    private static final float WEIGHT = 0.3f;

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray logits() {
        return manager.create(LOGITS);
    }

    private NDList mixedPredictions(NDArray weight) {
        return new MixingRecord(weight, manager.create(PERMUTATION)).appendTo(new NDList(logits()));
    }

    /** -log softmax(logits[row])[column], computed on the host. */
    private static double crossEntropy(int row, int column) {
        double norm = 0;
        for (float v : LOGITS[row]) {
            norm += Math.exp(v);
        }
        return Math.log(norm) - LOGITS[row][column];
    }

    @Test
    void sparseCrossEntropyIsTheWeightedSumOfBothTargets() {
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2}));
        float loss =
                MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())
                        .evaluate(labels, mixedPredictions(manager.create(WEIGHT)))
                        .getFloat();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected +=
                    WEIGHT * crossEntropy(i, LABELS[i])
                            + (1 - WEIGHT) * crossEntropy(i, LABELS[(int) PERMUTATION[i]]);
        }
        assertEquals(expected / 3, loss, 1e-5);
    }

    @Test
    void denseSoftLabelsGiveTheLossOfTheMixedTarget() {
        float[][] soft = {{0.8f, 0.2f, 0f}, {0f, 1f, 0f}, {0.1f, 0.1f, 0.8f}};
        Loss dense = new SoftmaxCrossEntropyLoss("dense", 1, -1, false, true);
        float loss =
                MixupLoss.wrap(dense)
                        .evaluate(
                                new NDList(manager.create(soft)),
                                mixedPredictions(manager.create(WEIGHT)))
                        .getFloat();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                double target = WEIGHT * soft[i][c] + (1 - WEIGHT) * soft[(int) PERMUTATION[i]][c];
                expected += target * crossEntropy(i, c);
            }
        }
        assertEquals(expected / 3, loss, 1e-5);
    }

    @Test
    void otherLossesInterpolateTheTwoLosses() {
        float[] targets = {1f, -2f, 0.5f};
        NDArray predictions = manager.create(new float[] {0f, 1f, 2f}, new Shape(3));
        NDList mixed =
                new MixingRecord(manager.create(WEIGHT), manager.create(PERMUTATION))
                        .appendTo(new NDList(predictions));
        float loss =
                MixupLoss.wrap(Loss.l2Loss())
                        .evaluate(new NDList(manager.create(targets)), mixed)
                        .getFloat();
        double own = 0;
        double partner = 0;
        float[] p = {0f, 1f, 2f};
        for (int i = 0; i < 3; i++) {
            own += 0.5 * Math.pow(targets[i] - p[i], 2) / 3;
            partner += 0.5 * Math.pow(targets[(int) PERMUTATION[i]] - p[i], 2) / 3;
        }
        assertEquals(WEIGHT * own + (1 - WEIGHT) * partner, loss, 1e-5);
    }

    @Test
    void withoutARecordItIsTheWrappedLossUnchanged() {
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2}));
        NDList predictions = new NDList(logits());
        Loss plain = Loss.softmaxCrossEntropyLoss();
        assertEquals(
                plain.evaluate(labels, predictions).getFloat(),
                MixupLoss.wrap(plain).evaluate(labels, predictions).getFloat(),
                0f);
    }

    @Test
    void perExampleWeightsNeedALossWithOneValuePerExample() {
        NDList labels = new NDList(manager.create(new float[] {0, 1, 2}));
        NDList predictions = mixedPredictions(manager.create(new float[] {0.1f, 0.5f, 0.9f}));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())
                                        .evaluate(labels, predictions));
        assertTrue(e.getMessage().contains("one target weight per example"), e.getMessage());
    }

    @Test
    void labelsWithoutOneRowPerExampleFailClearlyMixedOrNot() {
        MixupLoss loss = MixupLoss.wrap(Loss.softmaxCrossEntropyLoss());
        NDList[] predictions = {mixedPredictions(manager.create(WEIGHT)), new NDList(logits())};
        NDArray[] badLabels = {
            manager.create(new float[] {0, 1}),
            manager.create(new float[] {0, 1, 2, 0}),
            manager.create(1f)
        };
        for (NDList prediction : predictions) {
            for (NDArray label : badLabels) {
                IllegalArgumentException e =
                        assertThrows(
                                IllegalArgumentException.class,
                                () -> loss.evaluate(new NDList(label), prediction));
                assertTrue(
                        e.getMessage()
                                .startsWith(
                                        "Label array 0 has shape "
                                                + label.getShape()
                                                + ", but the predictions are for 3 examples"),
                        e.getMessage());
            }
        }
    }

    @Test
    void keepsTheWrappedNameAndWrapsOnlyOnce() {
        Loss plain = Loss.softmaxCrossEntropyLoss();
        WrappedMixupLoss wrapped = (WrappedMixupLoss) MixupLoss.wrap(plain);
        assertEquals(plain.getName(), wrapped.getName());
        assertSame(plain, wrapped.getWrappedLoss());
        assertSame(wrapped, MixupLoss.wrap(wrapped));
    }

    @Test
    void theRecordTravelsAtTheEndOfThePredictions() {
        NDArray logits = logits();
        NDList mixed =
                new MixingRecord(manager.create(WEIGHT), manager.create(PERMUTATION))
                        .appendTo(new NDList(logits));
        assertEquals(3, mixed.size());
        assertSame(logits, mixed.head());
        MixingRecord record = MixingRecord.find(mixed).orElseThrow();
        assertEquals(WEIGHT, record.targetWeight().getFloat());
        assertEquals(1, MixingRecord.strip(mixed).size());
        assertTrue(MixingRecord.find(new NDList(logits)).isEmpty());
        assertTrue(MixingRecord.find(new NDList(logits, logits, logits)).isEmpty());
    }
}
