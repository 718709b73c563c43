/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.analysis;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.evaluator.TemperatureScaling;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import java.io.IOException;

/**
 * A Fashion-MNIST classifier measured the zoo's way: on the last {@code holdout} training images
 * (kept out of training), on the 10,000 test images, and on the test images again after a
 * temperature fitted on the held-out ones.
 *
 * @param heldOut the figures on the held-out training images
 * @param test the figures on the test images, as trained
 * @param scaledTest the figures on the test images after temperature scaling
 * @param temperature the fitted temperature
 */
public record FashionMnistEvaluation(
        CalibrationSummary heldOut,
        CalibrationSummary test,
        CalibrationSummary scaledTest,
        float temperature) {

    /**
     * Measures a model.
     *
     * @param predictor a predictor of the raw network ({@code NDList -> NDList}, logits first)
     * @param holdout how many of the last training images were kept out of training, positive
     * @param manager the manager of the intermediate arrays
     * @return the figures
     * @throws IOException if the data cannot be read
     * @throws TranslateException if the predictor fails
     */
    public static FashionMnistEvaluation of(
            Predictor<NDList, NDList> predictor, int holdout, NDManager manager)
            throws IOException, TranslateException {
        RandomAccessDataset training =
                FashionMnistData.builder()
                        .setUsage(Dataset.Usage.TRAIN)
                        .setSampling(500, false)
                        .optManager(manager)
                        .build();
        training.prepare();
        int size = (int) training.size();
        if (holdout < 1 || holdout >= size) {
            throw new IllegalArgumentException(
                    "The held-out images must number between 1 and "
                            + (size - 1)
                            + ", got "
                            + holdout
                            + ".");
        }
        NDList held =
                DatasetLogits.of(predictor, training.subDataset(size - holdout, size), manager);
        RandomAccessDataset testImages =
                FashionMnistData.builder()
                        .setUsage(Dataset.Usage.TEST)
                        .setSampling(500, false)
                        .optManager(manager)
                        .build();
        NDList tested = DatasetLogits.of(predictor, testImages, manager);
        TemperatureScaling scaling = TemperatureScaling.fit(held.get(0), held.get(1));
        return new FashionMnistEvaluation(
                CalibrationSummary.of(held.get(0), held.get(1)),
                CalibrationSummary.of(tested.get(0), tested.get(1)),
                CalibrationSummary.of(scaling.apply(tested.get(0)), tested.get(1)),
                scaling.getTemperature());
    }
}
