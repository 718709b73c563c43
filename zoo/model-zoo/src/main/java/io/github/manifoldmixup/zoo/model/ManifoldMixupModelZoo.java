/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.repository.zoo.ModelZoo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * The model zoo of pretrained mixup networks, group id {@value #GROUP_ID}. Its models load fully
 * offline: the network is built in Java and its parameters are streamed from this jar, with no
 * download and no cache.
 */
public final class ManifoldMixupModelZoo extends ModelZoo {

    /** The group id of this zoo's models in DJL's {@code Criteria}. */
    public static final String GROUP_ID = "io.github.manifoldmixup.zoo";

    /**
     * The artifact id of the ResNets trained on Fashion-MNIST, for {@code Criteria}'s {@code
     * optArtifactId}; the variant is chosen with the filter {@value MixupVariant#FILTER}.
     */
    public static final String FASHION_MNIST_RESNET = "resnet-fashion-mnist";

    /** Creates the zoo with its model loaders. */
    public ManifoldMixupModelZoo() {
        addModel(new FashionMnistResNetLoader(GROUP_ID));
    }

    /**
     * Returns the figures a variant of {@value #FASHION_MNIST_RESNET} was published with, the same
     * that its loaded model has as properties.
     *
     * @param variant the variant
     * @return the metadata entries, sections such as {@code robustness} as JSON text; empty if the
     *     jar holds none
     * @throws IOException if the metadata cannot be read
     */
    public static Map<String, String> publishedFigures(MixupVariant variant) throws IOException {
        try (InputStream json = FashionMnistResNetLoader.metadataStream(variant)) {
            return json == null ? Map.of() : FashionMnistResNetLoader.metadata(json);
        }
    }

    /** {@inheritDoc} */
    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    /** {@inheritDoc} */
    @Override
    public Set<String> getSupportedEngines() {
        return Set.of("PyTorch");
    }
}
