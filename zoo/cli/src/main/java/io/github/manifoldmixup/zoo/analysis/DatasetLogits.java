/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.analysis;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/** The logits a model gives a whole dataset, beside the dataset's labels. */
public final class DatasetLogits {

    private DatasetLogits() {}

    /**
     * Runs every batch of a dataset through a predictor.
     *
     * @param predictor a predictor of the raw network ({@code NDList -> NDList}, logits first)
     * @param dataset the dataset, prepared
     * @param manager the manager the two arrays are attached to
     * @return the logits (N, classes) and the labels (N) or (N, 1), in the dataset's order
     * @throws IOException if the dataset cannot be read
     * @throws TranslateException if the predictor fails
     */
    public static NDList of(Predictor<NDList, NDList> predictor, Dataset dataset, NDManager manager)
            throws IOException, TranslateException {
        NDList logits = new NDList();
        NDList labels = new NDList();
        for (Batch batch : dataset.getData(manager)) {
            try (batch) {
                NDArray output = predictor.predict(batch.getData()).head();
                output.attach(manager);
                logits.add(output);
                NDArray label = batch.getLabels().head();
                label.attach(manager);
                labels.add(label);
            }
        }
        return new NDList(NDArrays.concat(logits), NDArrays.concat(labels));
    }
}
