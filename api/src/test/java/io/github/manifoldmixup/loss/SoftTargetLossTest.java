package io.github.manifoldmixup.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoftTargetLossTest {

    private static final float[][] LOGITS = {{2f, 0f, -1f}, {0.5f, 1.5f, 0f}, {0f, 0f, 3f}};
    private static final int[] LABELS = {0, 1, 2};
    private static final long[] PERMUTATION = {2, 0, 1};

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDList labels() {
        return new NDList(manager.create(new float[] {0, 1, 2}));
    }

    private NDList mixed(NDArray weight) {
        return new MixingRecord(weight, manager.create(PERMUTATION))
                .appendTo(new NDList(manager.create(LOGITS)));
    }

    private NDList unmixed() {
        return new NDList(manager.create(LOGITS));
    }

    private static double[] softmax(int row) {
        double norm = 0;
        for (float v : LOGITS[row]) {
            norm += Math.exp(v);
        }
        double[] p = new double[3];
        for (int c = 0; c < 3; c++) {
            p[c] = Math.exp(LOGITS[row][c]) / norm;
        }
        return p;
    }

    /** The smoothed, mixed target of row i on the host. */
    private static double target(int i, int c, float w, float smoothing) {
        double own = (c == LABELS[i] ? 1 : 0) * (1 - smoothing) + smoothing / 3;
        double partner =
                (c == LABELS[(int) PERMUTATION[i]] ? 1 : 0) * (1 - smoothing) + smoothing / 3;
        return w * own + (1 - w) * partner;
    }

    @Test
    void crossEntropyAgainstPerExampleMixedSmoothedTargets() {
        float[] weights = {0.2f, 0.6f, 0.9f};
        float smoothing = 0.1f;
        float loss =
                SoftTargetLoss.crossEntropy()
                        .optLabelSmoothing(smoothing)
                        .build()
                        .evaluate(labels(), mixed(manager.create(weights)))
                        .getFloat();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double[] p = softmax(i);
            for (int c = 0; c < 3; c++) {
                expected -= target(i, c, weights[i], smoothing) * Math.log(p[c]) / 3;
            }
        }
        assertEquals(expected, loss, 1e-5);
    }

    @Test
    void withOneWeightPerBatchAndNoSmoothingItEqualsTheWrappedCrossEntropy() {
        float wrapped =
                MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())
                        .evaluate(labels(), mixed(manager.create(0.3f)))
                        .getFloat();
        float soft =
                SoftTargetLoss.crossEntropy()
                        .build()
                        .evaluate(labels(), mixed(manager.create(0.3f)))
                        .getFloat();
        assertEquals(wrapped, soft, 1e-5f);
    }

    @Test
    void binaryCrossEntropyOnSoftmaxAveragesOverClassesToo() {
        float w = 0.3f;
        float loss =
                SoftTargetLoss.softmaxBinaryCrossEntropy()
                        .build()
                        .evaluate(labels(), mixed(manager.create(w)))
                        .getFloat();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double[] p = softmax(i);
            for (int c = 0; c < 3; c++) {
                double t = target(i, c, w, 0f);
                expected -= (t * Math.log(p[c]) + (1 - t) * Math.log(1 - p[c])) / 9;
            }
        }
        assertEquals(expected, loss, 1e-5);
    }

    @Test
    void unmixedDenseLabelsAreUsedAsGivenAndSmoothed() {
        float[][] soft = {{0.8f, 0.2f, 0f}, {0f, 1f, 0f}, {0.1f, 0.1f, 0.8f}};
        float loss =
                SoftTargetLoss.crossEntropy()
                        .optLabelSmoothing(0.3f)
                        .build()
                        .evaluate(
                                new NDList(manager.create(soft)),
                                new NDList(manager.create(LOGITS)))
                        .getFloat();
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double[] p = softmax(i);
            for (int c = 0; c < 3; c++) {
                expected -= (soft[i][c] * 0.7 + 0.1) * Math.log(p[c]) / 3;
            }
        }
        assertEquals(expected, loss, 1e-5);
    }

    @Test
    void classNumbersInAColumnAreClassNumbers() {
        SoftTargetLoss loss = SoftTargetLoss.crossEntropy().build();
        NDList column = new NDList(manager.create(new float[] {0, 1, 2}, new Shape(3, 1)));
        NDList predictions = mixed(manager.create(0.3f));
        assertEquals(
                loss.evaluate(labels(), predictions).getFloat(),
                loss.evaluate(column, predictions).getFloat(),
                0f);
    }

    @Test
    void labelsOfAnotherShapeFailWithTheShapesItTakes() {
        SoftTargetLoss loss = SoftTargetLoss.softmaxBinaryCrossEntropy().build();
        for (Shape shape : new Shape[] {new Shape(3, 2), new Shape(3, 3, 1), new Shape(3, 4)}) {
            NDList wrong = new NDList(manager.zeros(shape));
            for (NDList predictions : List.of(mixed(manager.create(0.3f)), unmixed())) {
                IllegalArgumentException e =
                        assertThrows(
                                IllegalArgumentException.class,
                                () -> loss.evaluate(wrong, predictions));
                assertEquals(
                        "SoftmaxBinaryCrossEntropy takes class numbers of shape (B) or (B, 1), or"
                                + " target rows of the predictions' shape (3, 3); got labels of"
                                + " shape "
                                + shape
                                + ".",
                        e.getMessage());
            }
        }
    }

    @Test
    void labelSmoothingMustBeBelowOne() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SoftTargetLoss.crossEntropy().optLabelSmoothing(1f).build());
        assertTrue(e.getMessage().contains("[0, 1)"));
        assertTrue(SoftTargetLoss.crossEntropy().build().supportsPerExampleWeights());
    }
}
