/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.zoo.network.SmallPreActResNet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loading by name through {@code Criteria}, offline, from the parameters published in the jar, and
 * the errors for missing or damaged parameters (through a loader reading stand-in files). Whether
 * the published figures are right is checked on the test images by the integration tests.
 */
class FashionMnistResNetLoaderTest {

    private static NDManager manager;
    private static NDArray probe;

    @BeforeAll
    static void makeProbe() {
        manager = NDManager.newBaseManager();
        probe = manager.randomUniform(0f, 1f, new Shape(3, 1, 28, 28));
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static <I, O> Criteria<I, O> criteria(Class<I> in, Class<O> out, String mixup) {
        Criteria.Builder<I, O> builder =
                Criteria.builder()
                        .setTypes(in, out)
                        .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                        .optArtifactId("resnet-fashion-mnist");
        return mixup == null ? builder.build() : builder.optFilter("mixup", mixup).build();
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

    @ParameterizedTest
    @EnumSource(MixupVariant.class)
    void loadsEachPublishedVariantByNameWithItsMetadata(MixupVariant variant) throws Exception {
        float[] expected;
        try (Model direct = Model.newInstance("direct");
                InputStream parameters =
                        FashionMnistResNetLoader.class.getResourceAsStream(
                                variant.filter() + ".params")) {
            direct.setBlock(SmallPreActResNet.builder().setNumClasses(10).build());
            direct.load(parameters, null);
            try (Predictor<NDList, NDList> predictor = direct.newPredictor(new NoopTranslator())) {
                expected = predictor.predict(new NDList(probe)).head().toFloatArray();
            }
        }
        try (ZooModel<NDList, NDList> model =
                        criteria(NDList.class, NDList.class, variant.filter()).loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            assertArrayEquals(
                    expected, predictor.predict(new NDList(probe)).head().toFloatArray(), 0f);
            assertEquals(variant.filter(), model.getProperty("variant"));
            assertEquals("30", model.getProperty("epochs"));
            assertEquals("42", model.getProperty("seed"));
            assertEquals(variant.description(), model.getProperty("mixing"));
            float accuracy = Float.parseFloat(model.getProperty("testAccuracy"));
            assertTrue(accuracy > 0.85f && accuracy < 1f, "published accuracy " + accuracy);
            for (String key : List.of("testNll", "testEce", "trainingSeconds", "temperature")) {
                assertTrue(Float.parseFloat(model.getProperty(key)) > 0, key);
            }
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
    void withoutAFilterTheManifoldVariantLoads() throws Exception {
        try (ZooModel<NDList, NDList> model =
                criteria(NDList.class, NDList.class, null).loadModel()) {
            assertEquals("manifold", model.getProperty("variant"));
        }
    }

    @Test
    void loadsByNameAsAnImageClassifier() throws Exception {
        try (ZooModel<Image, Classifications> model =
                        criteria(Image.class, Classifications.class, "manifold").loadModel();
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
    void missingParametersNameTheResourceAndHowToMakeIt() {
        FashionMnistResNetLoader loader =
                new FashionMnistResNetLoader(ManifoldMixupModelZoo.GROUP_ID, name -> null);
        ModelNotFoundException missing =
                assertThrows(
                        ModelNotFoundException.class,
                        () -> loader.loadModel(criteria(NDList.class, NDList.class, "input")));
        assertTrue(
                missing.getMessage()
                        .contains(
                                "are not in this jar (resource"
                                        + " /io/github/manifoldmixup/zoo/model/input.params)"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("publish"), missing.getMessage());
    }

    @Test
    void damagedParametersOrAnotherNetworksGiveAClearError(@TempDir Path temp) throws Exception {
        byte[] anotherNetwork;
        try (Model other = Model.newInstance("other")) {
            SequentialBlock block = new SequentialBlock();
            block.add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(10).build());
            other.setBlock(block);
            block.initialize(other.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            other.save(temp, "other");
            anotherNetwork = Files.readAllBytes(temp.resolve("other-0000.params"));
        }
        Map<String, byte[]> files =
                Map.of(
                        "input.params",
                        "not parameters".getBytes(StandardCharsets.UTF_8),
                        "none.params",
                        anotherNetwork);
        FashionMnistResNetLoader loader =
                new FashionMnistResNetLoader(
                        ManifoldMixupModelZoo.GROUP_ID,
                        name ->
                                files.containsKey(name)
                                        ? new ByteArrayInputStream(files.get(name))
                                        : null);
        for (String variant : List.of("input", "none")) {
            MalformedModelException damaged =
                    assertThrows(
                            MalformedModelException.class,
                            () -> loader.loadModel(criteria(NDList.class, NDList.class, variant)));
            assertTrue(
                    damaged.getMessage().contains(variant + ".params into resnet-fashion-mnist"),
                    damaged.getMessage());
            assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
            assertFalse(damaged.getMessage().isBlank());
        }
    }
}
