/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each published variant's {@code robustness} figures, measured again by name with the library's
 * suite: FGSM at eps 0.1 on all 10,000 test images, and the detection of all 10,000 MNIST digits by
 * the maximum softmax probability, as trained and at the published temperature.
 */
class PublishedRobustnessTest {

    private static final double SAME = 5e-4;

    @ParameterizedTest
    @EnumSource(MixupVariant.class)
    void publishedRobustnessHoldsByName(MixupVariant variant) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                ZooModel<NDList, NDList> model =
                        Criteria.builder()
                                .setTypes(NDList.class, NDList.class)
                                .optGroupId("io.github.manifoldmixup.zoo")
                                .optArtifactId("resnet-fashion-mnist")
                                .optFilter("mixup", variant.filter())
                                .build()
                                .loadModel()) {
            String section = model.getProperty("robustness");
            assertNotNull(section, variant + " has no published robustness figures");
            JsonObject published = JsonUtils.GSON.fromJson(section, JsonObject.class);
            float temperature = Float.parseFloat(model.getProperty("temperature"));

            MnistDigits digits = MnistDigits.load();
            Dataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(200, false)
                            .optManager(manager)
                            .build();
            RobustnessReport measured =
                    RobustnessSuite.builder()
                            .addAttack(Fgsm.builder().optEpsilon(0.1f).build())
                            .optTemperature(temperature)
                            .addOutOfDistribution(
                                    "mnist",
                                    new ArrayDataset.Builder()
                                            .setData(digits.images(manager, 0, digits.size()))
                                            .optLabels(manager.zeros(new Shape(digits.size())))
                                            .setSampling(200, false)
                                            .build())
                            .build()
                            .evaluate(variant.filter(), model, test);

            assertEquals(10_000, measured.clean().images());
            assertEquals(
                    published.getAsJsonObject("clean").get("accuracy").getAsDouble(),
                    measured.clean().accuracy(),
                    SAME);
            assertEquals(
                    entry(published, "adversarial", "attack", "fgsm", "epsilon", 0.1)
                            .get("accuracy")
                            .getAsDouble(),
                    measured.adversarial().get(0).accuracy(),
                    SAME);
            for (OutOfDistribution ood : measured.ood()) {
                JsonObject expected =
                        entry(published, "ood", "dataset", "mnist", "score", ood.score());
                assertEquals(expected.get("auroc").getAsDouble(), ood.auroc(), SAME, ood.score());
                assertEquals(expected.get("fpr95").getAsDouble(), ood.fpr95(), SAME, ood.score());
                assertEquals(
                        expected.get("mean_confidence").getAsDouble(),
                        ood.meanConfidence(),
                        SAME,
                        ood.score());
            }
        }
    }

    private static JsonObject entry(
            JsonObject published,
            String part,
            String key,
            String value,
            String key2,
            Object value2) {
        for (JsonElement element : published.getAsJsonArray(part)) {
            JsonObject candidate = element.getAsJsonObject();
            boolean second =
                    value2 instanceof Double d
                            ? Math.abs(candidate.get(key2).getAsDouble() - d) < 1e-6
                            : candidate.get(key2).getAsString().equals(value2);
            if (candidate.get(key).getAsString().equals(value) && second) {
                return candidate;
            }
        }
        throw new AssertionError(
                "no " + part + " entry " + value + " " + value2 + " in " + published);
    }
}
