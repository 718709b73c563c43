/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.zoo.analysis.DatasetLogits;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pretrained model in the zoo, loaded by name through {@code Criteria}, measured again on all
 * 10,000 Fashion-MNIST test images: the accuracy must match its published metadata within 0.1
 * points, and NLL and ECE must match too. The image path ({@code Image -> Classifications}) must
 * agree with the batch path on the first test images.
 */
class PublishedModelsTest {

    private static final int IMAGES_CHECKED = 200;

    @ParameterizedTest
    @EnumSource(MixupVariant.class)
    void publishedFiguresHoldOnTheTestImages(MixupVariant variant) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                ZooModel<NDList, NDList> model = criteria(NDList.class, NDList.class, variant);
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            RandomAccessDataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(500, false)
                            .optManager(manager)
                            .build();
            NDList logits = DatasetLogits.of(predictor, test, manager);
            assertEquals(10_000, logits.get(0).getShape().get(0));
            CalibrationSummary measured = CalibrationSummary.of(logits.get(0), logits.get(1));
            assertEquals(published(model, "testAccuracy"), measured.accuracy(), 0.001);
            assertEquals(published(model, "testNll"), measured.nll(), 0.002);
            assertEquals(published(model, "testEce"), measured.ece(), 0.002);

            NDArray batchClasses = logits.get(0).argMax(1);
            try (ZooModel<Image, Classifications> images =
                            criteria(Image.class, Classifications.class, variant);
                    Predictor<Image, Classifications> classifier = images.newPredictor()) {
                for (int i = 0; i < IMAGES_CHECKED; i++) {
                    // a raw record is the image as stored, (28, 28, 1) bytes; as a colour image
                    NDArray pixels = test.get(manager, i).getData().head().repeat(2, 3);
                    Image image = ImageFactory.getInstance().fromNDArray(pixels);
                    Classifications result = classifier.predict(image);
                    int best = result.getClassNames().indexOf(result.best().getClassName());
                    assertEquals(batchClasses.getLong(i), best, "test image " + i);
                }
            }
        }
    }

    private static float published(ZooModel<?, ?> model, String key) {
        return Float.parseFloat(model.getProperty(key));
    }

    private static <I, O> ZooModel<I, O> criteria(Class<I> in, Class<O> out, MixupVariant v)
            throws Exception {
        return Criteria.builder()
                .setTypes(in, out)
                .optGroupId("io.github.manifoldmixup.zoo")
                .optArtifactId("resnet-fashion-mnist")
                .optFilter("mixup", v.filter())
                .build()
                .loadModel();
    }
}
