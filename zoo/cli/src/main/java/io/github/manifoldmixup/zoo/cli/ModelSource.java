/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A Fashion-MNIST model to measure and how to load it: a zoo variant by name, or the parameters
 * {@code train} saved in a directory. Serializable, so that a Spark job can load it in each
 * partition.
 *
 * @param zooVariant the zoo variant's name, or null
 * @param directory the directory of saved parameters, or null
 */
public record ModelSource(String zooVariant, String directory) implements Serializable {

    /**
     * Loads the model; the caller closes it.
     *
     * @return the model
     * @throws Exception if it cannot be loaded
     */
    public Model load() throws Exception {
        return zooVariant != null
                ? FashionMnistModels.zoo(zooVariant)
                : FashionMnistModels.saved(Path.of(directory));
    }
}
