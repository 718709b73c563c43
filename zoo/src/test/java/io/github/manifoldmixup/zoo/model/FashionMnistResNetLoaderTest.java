/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.zoo.network.SmallPreActResNet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading by name through {@code Criteria}, offline, from resources on the class path. The test
 * puts freshly initialized parameters where the jar's trained ones will be (for {@code mixup=none}
 * and a damaged file for {@code mixup=input}), so it checks the loading path, not trained figures.
 */
class FashionMnistResNetLoaderTest {

    private static Path resources;
    private static float[] expectedOutput;
    private static NDManager manager;
    private static NDArray probe;

    @BeforeAll
    static void putParametersOnTheClassPath(@TempDir Path temp) throws Exception {
        resources =
                Paths.get(FashionMnistResNetLoaderTest.class.getResource("/").toURI())
                        .resolve(FashionMnistResNetLoader.class.getPackageName().replace('.', '/'));
        Files.createDirectories(resources);
        manager = NDManager.newBaseManager();
        probe = manager.randomUniform(0f, 1f, new Shape(3, 1, 28, 28));
        try (Model model = Model.newInstance("fresh")) {
            model.setBlock(SmallPreActResNet.builder().setNumClasses(10).build());
            model.getBlock()
                    .initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            model.save(temp, "fresh");
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                expectedOutput = predictor.predict(new NDList(probe)).head().toFloatArray();
            }
        }
        Files.copy(temp.resolve("fresh-0000.params"), resources.resolve("none.params"));
        Files.writeString(resources.resolve("none.json"), "{\"testAccuracy\": \"0.1\"}");
        Files.writeString(
                resources.resolve("input.params"), "not parameters", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void removeThem() throws Exception {
        for (String file : List.of("none.params", "none.json", "input.params")) {
            Files.deleteIfExists(resources.resolve(file));
        }
        manager.close();
    }

    private static <I, O> Criteria<I, O> criteria(Class<I> in, Class<O> out, String mixup) {
        return Criteria.builder()
                .setTypes(in, out)
                .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                .optArtifactId("resnet-fashion-mnist")
                .optFilter("mixup", mixup)
                .build();
    }

    @Test
    void theZooListsItsArtifact() {
        Map<Application, List<MRL>> models = ModelZoo.listModels();
        List<MRL> classification = models.get(Application.CV.IMAGE_CLASSIFICATION);
        assertTrue(
                classification.stream()
                        .anyMatch(
                                mrl ->
                                        mrl.getGroupId().equals(ManifoldMixupModelZoo.GROUP_ID)
                                                && mrl.getArtifactId()
                                                        .equals("resnet-fashion-mnist")),
                classification.toString());
    }

    @Test
    void loadsByNameAsBatchesWithTheSavedOutputsAndItsMetadata() throws Exception {
        try (ZooModel<NDList, NDList> model =
                        criteria(NDList.class, NDList.class, "none").loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            assertArrayEquals(
                    expectedOutput, predictor.predict(new NDList(probe)).head().toFloatArray(), 0f);
            assertEquals("0.1", model.getProperty("testAccuracy"));
            TranslateException wrong =
                    assertThrows(
                            TranslateException.class,
                            () ->
                                    predictor.predict(
                                            new NDList(manager.ones(new Shape(2, 3, 28, 28)))));
            assertTrue(wrong.getMessage().contains("(B, 1, 28, 28)"), wrong.getMessage());
        }
    }

    @Test
    void loadsByNameAsAnImageClassifier() throws Exception {
        try (ZooModel<Image, Classifications> model =
                        criteria(Image.class, Classifications.class, "none").loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Image image =
                    ImageFactory.getInstance()
                            .fromNDArray(
                                    manager.randomInteger(
                                            0, 255, new Shape(28, 28, 3), DataType.UINT8));
            Classifications result = predictor.predict(image);
            assertEquals(10, result.getClassNames().size());
            double total =
                    result.getProbabilities().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1, total, 1e-4);
            assertTrue(FashionMnistTranslators.CLASSES.containsAll(result.getClassNames()));

            Image large =
                    ImageFactory.getInstance()
                            .fromNDArray(manager.zeros(new Shape(32, 32, 3), DataType.UINT8));
            TranslateException wrong =
                    assertThrows(TranslateException.class, () -> predictor.predict(large));
            assertTrue(
                    wrong.getMessage().contains("takes 28x28 images, got 32x32"),
                    wrong.getMessage());
        }
    }

    @Test
    void anUnknownFilterValueListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> criteria(NDList.class, NDList.class, "cutmix").loadModel());
        assertEquals(
                "Unknown mixup variant 'cutmix'. Known: none, input, manifold,"
                        + " manifold-then-plain.",
                e.getMessage());
    }

    @Test
    void missingOrDamagedParametersGiveAClearError() {
        ModelNotFoundException missing =
                assertThrows(
                        ModelNotFoundException.class,
                        () -> criteria(NDList.class, NDList.class, "manifold").loadModel());
        assertTrue(
                missing.getCause().getMessage().contains("are not in this jar"),
                missing.getCause().getMessage());
        MalformedModelException damaged =
                assertThrows(
                        MalformedModelException.class,
                        () -> criteria(NDList.class, NDList.class, "input").loadModel());
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
    }
}
