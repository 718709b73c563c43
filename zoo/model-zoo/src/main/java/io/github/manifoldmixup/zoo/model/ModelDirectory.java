/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a zoo variant as a standard DJL model directory, which {@code
 * Criteria.builder().setTypes(Image.class, Classifications.class).optModelPath(dir)} and DJL
 * Serving load with no block or translator given in code:
 *
 * <ul>
 *   <li>{@code <name>-0000.params}: the parameters, {@code name} being {@link #modelName};
 *   <li>{@code serving.properties}: the engine, the model name, the public {@link
 *       FashionMnistBlockFactory} and {@link FashionMnistTranslatorFactory}, and the same
 *       preprocessing in the arguments of DJL's default image-classification translator (which
 *       {@code Criteria} uses for {@code Image -> Classifications} from a directory: grayscale,
 *       28x28, to a tensor in [0, 1], softmax);
 *   <li>{@code synset.txt}: the class names in label order;
 *   <li>{@code metadata.json}: the figures the variant was published with.
 * </ul>
 *
 * <p>The directory is written beside its destination and renamed into place when complete, so a
 * failed export leaves nothing behind.
 */
public final class ModelDirectory {

    private ModelDirectory() {}

    /**
     * Returns the model name of a variant: the prefix of its parameter file.
     *
     * @param variant the variant
     * @return for example {@code resnet-fashion-mnist-manifold}
     */
    public static String modelName(MixupVariant variant) {
        return ManifoldMixupModelZoo.FASHION_MNIST_RESNET + "-" + variant.filter();
    }

    /**
     * Writes a variant's model directory.
     *
     * @param variant the variant
     * @param directory the directory to create; it must not exist, or be empty
     * @throws IllegalArgumentException if {@code directory} exists and is not an empty directory
     * @throws IOException if writing fails (nothing is left behind)
     * @throws ModelNotFoundException if the variant's parameters are not in this jar
     * @throws MalformedModelException if they are damaged
     */
    public static void export(MixupVariant variant, Path directory)
            throws IOException, ModelNotFoundException, MalformedModelException {
        Path target = directory.toAbsolutePath().normalize();
        AtomicFiles.requireNewDirectory(target); // before loading the model
        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelZoo(new ManifoldMixupModelZoo())
                        .optArtifactId(ManifoldMixupModelZoo.FASHION_MNIST_RESNET)
                        .optFilter(MixupVariant.FILTER, variant.filter())
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel()) {
            AtomicFiles.createDirectory(target, temporary -> write(variant, model, temporary));
        }
    }

    private static void write(MixupVariant variant, ZooModel<NDList, NDList> model, Path directory)
            throws IOException {
        String name = modelName(variant);
        model.setProperty("Epoch", "0"); // DJL names the file by it: <name>-0000.params
        model.save(directory, name);
        List<String> serving =
                List.of(
                        "# A DJL model directory: Criteria.optModelPath(this directory) and DJL"
                                + " Serving load it.",
                        "engine=PyTorch",
                        "option.modelName=" + name,
                        "application=cv/image_classification",
                        "blockFactory=" + FashionMnistBlockFactory.class.getName(),
                        "translatorFactory=" + FashionMnistTranslatorFactory.class.getName(),
                        "# the same preprocessing for DJL's default image-classification"
                                + " translator",
                        "width=28",
                        "height=28",
                        "flag=GRAYSCALE",
                        "applySoftmax=true",
                        "synsetFileName=synset.txt");
        Files.write(directory.resolve("serving.properties"), serving, StandardCharsets.UTF_8);
        Files.write(
                directory.resolve("synset.txt"),
                FashionMnistTranslators.CLASSES,
                StandardCharsets.UTF_8);
        try (InputStream metadata = FashionMnistResNetLoader.metadataStream(variant)) {
            if (metadata != null) {
                Files.copy(metadata, directory.resolve("metadata.json"));
            }
        }
    }
}
