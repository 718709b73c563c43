/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.github.manifoldmixup.testing.NDManagerPerTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationMetricsTest extends NDManagerPerTest {

    private NDList labels(float... classes) {
        return new NDList(manager.create(classes));
    }

    private NDList probabilities(float[][] rows) {
        return new NDList(manager.create(rows));
    }

    /** Logits whose softmax is the given rows: their logarithms. */
    private NDList logitsOf(float[][] rows) {
        return new NDList(manager.create(rows).log());
    }

    private static final float[][] TWO = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}};

    @Test
    void nllIsTheMeanMinusLogProbabilityOfTheTrueClass() {
        double expected = -(Math.log(0.7) + Math.log(0.1)) / 2;
        NegativeLogLikelihood onProbabilities = new NegativeLogLikelihood("NLL", false);
        assertEquals(
                expected,
                onProbabilities.evaluate(labels(0, 2), probabilities(TWO)).mean().getFloat(),
                1e-6);
        assertEquals(
                expected,
                new NegativeLogLikelihood().evaluate(labels(0, 2), logitsOf(TWO)).mean().getFloat(),
                1e-5);
    }

    @Test
    void brierIsTheMeanSquaredDistanceToTheOneHotClass() {
        // (0.3^2 + 0.2^2 + 0.1^2 + 0.1^2 + 0.8^2 + 0.9^2) / 2
        BrierScore brier = new BrierScore("Brier", false);
        brier.addAccumulator("test");
        brier.updateAccumulator("test", labels(0, 2), probabilities(TWO));
        assertEquals(0.80, brier.getAccumulator("test"), 1e-6);
        brier.resetAccumulator("test");
        assertTrue(Float.isNaN(brier.getAccumulator("test")));
    }

    @Test
    void perfectCalibrationHasZeroEce() {
        // ten predictions at confidence 0.8, eight of them right
        float[][] rows = new float[10][];
        float[] classes = new float[10];
        for (int i = 0; i < 10; i++) {
            rows[i] = new float[] {0.8f, 0.2f};
            classes[i] = i < 8 ? 0 : 1;
        }
        ExpectedCalibrationError ece = new ExpectedCalibrationError("ECE", 10, false);
        assertEquals(0f, ece.evaluate(labels(classes), probabilities(rows)).getFloat(), 1e-6f);
    }

    @Test
    void eceWeighsEachNonEmptyBinByItsShareAndIgnoresEmptyOnes() {
        // 4 at confidence 0.85, all right: |4 - 3.4| = 0.6; 4 at 0.55, one right: |1 - 2.2| = 1.2
        float[][] rows = new float[8][];
        float[] classes = new float[8];
        for (int i = 0; i < 8; i++) {
            rows[i] = i < 4 ? new float[] {0.85f, 0.15f} : new float[] {0.45f, 0.55f};
            classes[i] = i < 4 ? 0 : (i == 4 ? 1 : 0);
        }
        ExpectedCalibrationError ece = new ExpectedCalibrationError("ECE", 10, false);
        ece.addAccumulator("validate");
        // two batches accumulate to the same as one
        ece.updateAccumulator(
                "validate",
                labels(0, 0, 1, 0),
                probabilities(new float[][] {rows[0], rows[1], rows[4], rows[5]}));
        ece.updateAccumulator(
                "validate",
                labels(0, 0, 0, 0),
                probabilities(new float[][] {rows[2], rows[3], rows[6], rows[7]}));
        assertEquals((0.6 + 1.2) / 8, ece.getAccumulator("validate"), 1e-6);

        Reliability bins = ece.getReliability("validate");
        assertEquals(10, bins.bins());
        assertEquals(4, bins.count(8), "0.85 falls in (0.8, 0.9]");
        assertEquals(4, bins.count(5), "0.55 falls in (0.5, 0.6]");
        assertEquals(0.25, bins.accuracy(5), 1e-9);
        assertEquals(0.55, bins.meanConfidence(5), 1e-6);
        assertTrue(Double.isNaN(bins.accuracy(0)), "an empty bin has no accuracy");
        assertEquals((0.6 + 1.2) / 8, bins.expectedError(), 1e-6);
    }

    @Test
    void eceNeedsABinAndTwoDimensionalPredictions() {
        assertThrows(
                IllegalArgumentException.class, () -> new ExpectedCalibrationError("ECE", 0, true));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ExpectedCalibrationError()
                                        .evaluate(
                                                labels(0),
                                                new NDList(manager.create(new float[] {1f}))));
        assertTrue(e.getMessage().contains("(batch, classes)"), e.getMessage());
    }

    @Test
    void temperatureScalingRecoversTheTemperatureThatSharpenedCalibratedLogits() {
        Random random = new Random(3);
        int n = 4000;
        int classes = 5;
        float[] sharpened = new float[n * classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[classes];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                float z = (float) (1.5 * random.nextGaussian());
                sharpened[i * classes + c] = 3 * z;
                p[c] = Math.exp(z);
                sum += p[c];
            }
            // the true class is drawn from softmax(z): calibrated at T = 1 on z, T = 3 on 3z
            double u = random.nextDouble() * sum;
            int label = 0;
            while (label < classes - 1 && (u -= p[label]) > 0) {
                label++;
            }
            labels[i] = label;
        }
        TemperatureScaling fitted = TemperatureScaling.fit(sharpened, labels, classes);
        assertEquals(3, fitted.getTemperature(), 0.25);
        double before = TemperatureScaling.nll(sharpened, labels, classes, 1);
        double after =
                TemperatureScaling.nll(sharpened, labels, classes, 1 / fitted.getTemperature());
        assertTrue(after < before, "scaling must lower the NLL: " + before + " -> " + after);

        NDArray logits = manager.create(sharpened).reshape(n, classes);
        TemperatureScaling onArrays = TemperatureScaling.fit(logits, manager.create(labels));
        assertEquals(fitted.getTemperature(), onArrays.getTemperature(), 1e-4);
        assertEquals(
                sharpened[7] / fitted.getTemperature(),
                fitted.apply(logits).reshape(-1).getFloat(7),
                1e-5);
    }
}
