/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.github.manifoldmixup.zoo.network.SmallPreActResNet;

/**
 * The network of the zoo's {@value ManifoldMixupModelZoo#FASHION_MNIST_RESNET} and its input, in
 * one place for everything that builds it (the zoo's loader and {@code BlockFactory}, and the
 * command-line tool's training, publishing and evaluation): the small pre-activation ResNet-20
 * ({@link SmallPreActResNet}) with {@value #CLASSES} outputs, for batches of {@link #INPUT_SHAPE}.
 */
public final class FashionMnistNetwork {

    /** The number of classes of Fashion-MNIST, the network's outputs. */
    public static final int CLASSES = 10;

    /** The shape of a batch of one image: one channel of 28x28 pixels. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);

    private FashionMnistNetwork() {}

    /**
     * Builds the network, not yet initialized.
     *
     * @param classes the number of outputs: {@value #CLASSES} for Fashion-MNIST, another for
     *     another data set
     * @return a new block
     */
    public static Block newBlock(int classes) {
        return SmallPreActResNet.builder().setNumClasses(classes).build();
    }

    /**
     * Gives a model the Fashion-MNIST network, initialized for {@link #INPUT_SHAPE} in float32, so
     * that parameters can be loaded into it and the model describes its input when saved.
     *
     * @param model a model without a block
     */
    public static void setUp(Model model) {
        model.setBlock(newBlock(CLASSES));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, INPUT_SHAPE);
    }
}
