/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.Input;
import ai.djl.modality.Output;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported model directory loads through DJL's own routes with no block or translator in code (a
 * model path for {@code Image -> Classifications} and {@code NDList -> NDList}, and DJL Serving's
 * {@code Input -> Output} through the named {@code TranslatorFactory}), giving the same outputs as
 * the model loaded by name.
 */
class ModelDirectoryTest {

    private static final MixupVariant VARIANT = MixupVariant.MANIFOLD_THEN_PLAIN;

    private static <I, O> ZooModel<I, O> byName(Class<I> in, Class<O> out) throws Exception {
        return Criteria.builder()
                .setTypes(in, out)
                .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                .optArtifactId("resnet-fashion-mnist")
                .optFilter("mixup", VARIANT.filter())
                .build()
                .loadModel();
    }

    private static <I, O> ZooModel<I, O> fromDirectory(Class<I> in, Class<O> out, Path dir)
            throws Exception {
        return Criteria.builder().setTypes(in, out).optModelPath(dir).build().loadModel();
    }

    /** Colour images of random pixels, as DJL images (both routes convert them to grayscale). */
    private static List<Image> images(NDManager manager) {
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NDArray pixels =
                    manager.randomInteger(0, 256, new Shape(28, 28, 3), DataType.INT32)
                            .toType(DataType.UINT8, false);
            images.add(ImageFactory.getInstance().fromNDArray(pixels));
        }
        return images;
    }

    @Test
    void anExportedDirectoryLoadsByPathWithTheSameOutputsAsByName(@TempDir Path temp)
            throws Exception {
        Path dir = temp.resolve("exported");
        ModelDirectory.export(VARIANT, dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(
                            "metadata.json",
                            "resnet-fashion-mnist-manifold-then-plain-0000.params",
                            "serving.properties",
                            "synset.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (NDManager manager = NDManager.newBaseManager();
                ZooModel<Image, Classifications> named =
                        byName(Image.class, Classifications.class);
                ZooModel<Image, Classifications> loaded =
                        fromDirectory(Image.class, Classifications.class, dir);
                Predictor<Image, Classifications> expected = named.newPredictor();
                Predictor<Image, Classifications> actual = loaded.newPredictor()) {
            for (Image image : images(manager)) {
                Classifications want = expected.predict(image);
                Classifications got = actual.predict(image);
                assertEquals(want.getClassNames(), got.getClassNames());
                assertEquals(want.getProbabilities(), got.getProbabilities());
            }
        }
        try (NDManager manager = NDManager.newBaseManager();
                ZooModel<NDList, NDList> named = byName(NDList.class, NDList.class);
                ZooModel<NDList, NDList> loaded = fromDirectory(NDList.class, NDList.class, dir);
                Predictor<NDList, NDList> expected = named.newPredictor();
                Predictor<NDList, NDList> actual = loaded.newPredictor()) {
            NDArray batch = manager.randomUniform(0f, 1f, new Shape(5, 1, 28, 28));
            assertArrayEquals(
                    expected.predict(new NDList(batch)).head().toFloatArray(),
                    actual.predict(new NDList(batch)).head().toFloatArray(),
                    0f);
        }
    }

    @Test
    void djlServingsInputOutputRouteUsesTheNamedTranslatorFactory(@TempDir Path temp)
            throws Exception {
        Path dir = temp.resolve("served");
        ModelDirectory.export(VARIANT, dir);
        try (NDManager manager = NDManager.newBaseManager();
                ZooModel<Image, Classifications> named =
                        byName(Image.class, Classifications.class);
                ZooModel<Input, Output> served = fromDirectory(Input.class, Output.class, dir);
                Predictor<Image, Classifications> expected = named.newPredictor();
                Predictor<Input, Output> actual = served.newPredictor()) {
            Image image = images(manager).get(0);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            image.save(png, "png");
            Input input = new Input();
            input.add("data", png.toByteArray());
            Output output = actual.predict(input);
            assertEquals(200, output.getCode(), output.getMessage());
            String json = output.getData().getAsString();
            String best = expected.predict(image).best().getClassName();
            assertTrue(json.contains(best), json);
        }
    }

    @Test
    void refusesADirectoryThatHoldsFilesAndLeavesNothingBehind(@TempDir Path temp)
            throws Exception {
        Path dir = temp.resolve("taken");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
        IllegalArgumentException taken =
                assertThrows(
                        IllegalArgumentException.class, () -> ModelDirectory.export(VARIANT, dir));
        assertTrue(taken.getMessage().contains("not an empty directory"), taken.getMessage());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(dir), files.toList());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
