/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.model.ManifoldMixupModelZoo;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ways the commands load a Fashion-MNIST network: from the zoo by name, or from a directory (a
 * DJL model directory, or saved parameters).
 */
final class FashionMnistModels {

    /** The prefix of saved parameters, as {@code train} writes them. */
    static final String PREFIX = "model";

    private FashionMnistModels() {}

    /** Loads a zoo variant by name as {@code NDList -> NDList}. */
    static Model zoo(String mixup) throws Exception {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                .optArtifactId(ManifoldMixupModelZoo.FASHION_MNIST_RESNET)
                .optFilter(MixupVariant.FILTER, MixupVariant.of(mixup).filter())
                .build()
                .loadModel();
    }

    /**
     * Loads a model from a directory: a DJL model directory (with {@code serving.properties}, as
     * {@code zoo export} writes it) through {@code Criteria}, or else the small ResNet-20's
     * parameters saved with the prefix {@value #PREFIX}, as {@code train} writes them.
     */
    static Model saved(Path directory) throws Exception {
        if (Files.isRegularFile(directory.resolve("serving.properties"))) {
            return Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(directory)
                    .optTranslator(new NoopTranslator())
                    .build()
                    .loadModel();
        }
        Model model = Model.newInstance(directory.getFileName().toString());
        try {
            // not initialized first: DJL then refuses a file that holds no parameters
            model.setBlock(FashionMnistNetwork.newBlock(FashionMnistNetwork.CLASSES));
            model.load(directory, PREFIX);
            return model;
        } catch (Exception e) {
            model.close();
            throw e;
        }
    }
}
