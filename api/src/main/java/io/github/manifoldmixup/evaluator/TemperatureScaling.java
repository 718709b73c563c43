/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Temperature scaling (Guo et al. 2017): one scalar {@code T} divides the logits, {@code p =
 * softmax(z / T)}, fitted on held-out data to minimise the negative log-likelihood. {@code T > 1}
 * softens an over-confident model, {@code T < 1} sharpens an under-confident one (as mixup can
 * leave a model); the predicted class never changes.
 *
 * <p>The fit minimises {@code NLL(b) = mean_i(logsumexp(b z_i) - b z_i[y_i])} over {@code b = 1/T},
 * which is convex in {@code b}, by golden-section search on {@code T} in {@code [0.05, 20]}.
 */
public final class TemperatureScaling {

    /** The smallest temperature the fit considers. */
    public static final double MIN_TEMPERATURE = 0.05;

    /** The largest temperature the fit considers. */
    public static final double MAX_TEMPERATURE = 20;

    private final float temperature;

    private TemperatureScaling(float temperature) {
        this.temperature = temperature;
    }

    /**
     * Fits the temperature on held-out logits and labels.
     *
     * @param logits shape {@code (N, C)}
     * @param labels class indices, shape {@code (N)}
     * @return the fitted scaling
     */
    public static TemperatureScaling fit(NDArray logits, NDArray labels) {
        if (logits.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "Temperature scaling needs logits of shape (examples, classes), got "
                            + logits.getShape());
        }
        return fit(
                logits.toType(DataType.FLOAT32, false).toFloatArray(),
                labels.toType(DataType.INT32, false).reshape(-1).toIntArray(),
                (int) logits.getShape().get(1));
    }

    /**
     * Fits the temperature on held-out logits and labels on the host.
     *
     * @param logits row-major {@code (N, C)} logits
     * @param labels the class index of each example
     * @param classes the number of classes {@code C}
     * @return the fitted scaling
     */
    public static TemperatureScaling fit(float[] logits, int[] labels, int classes) {
        if (labels.length == 0 || logits.length != labels.length * classes) {
            throw new IllegalArgumentException(
                    "Temperature scaling needs N > 0 examples of " + classes + " logits each");
        }
        // golden-section search on b = 1/T: NLL is convex in b
        double low = 1 / MAX_TEMPERATURE;
        double high = 1 / MIN_TEMPERATURE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low);
        double b = low + ratio * (high - low);
        double fa = nll(logits, labels, classes, a);
        double fb = nll(logits, labels, classes, b);
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = nll(logits, labels, classes, a);
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = nll(logits, labels, classes, b);
            }
        }
        return new TemperatureScaling((float) (2 / (low + high)));
    }

    /**
     * Creates a scaling with a known temperature.
     *
     * @param temperature positive
     * @return the scaling
     */
    public static TemperatureScaling of(float temperature) {
        if (!(temperature > 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "A temperature must be positive, got " + temperature);
        }
        return new TemperatureScaling(temperature);
    }

    /**
     * Returns the temperature.
     *
     * @return {@code T}
     */
    public float getTemperature() {
        return temperature;
    }

    /**
     * Returns the scaled logits {@code z / T}.
     *
     * @param logits any shape
     * @return a new array on the logits' manager
     */
    public NDArray apply(NDArray logits) {
        return logits.div(temperature);
    }

    /** Mean NLL of softmax(b z) on the host, with a stable log-sum-exp. */
    static double nll(float[] logits, int[] labels, int classes, double b) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            int row = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, b * logits[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(b * logits[row + c] - max);
            }
            total += max + Math.log(sum) - b * logits[row + labels[i]];
        }
        return total / labels.length;
    }
}
