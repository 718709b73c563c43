/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import ai.djl.translate.ArgumentsUtil;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code BlockFactory} of the Fashion-MNIST networks, named in the {@code serving.properties}
 * of an exported model directory: the small pre-activation ResNet-20 ({@link FashionMnistNetwork})
 * with {@code classes} outputs (default 10), whose parameters DJL then loads from the directory's
 * {@code <name>-0000.params}.
 */
public final class FashionMnistBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** {@inheritDoc} */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) {
        int classes = ArgumentsUtil.intValue(arguments, "classes", FashionMnistNetwork.CLASSES);
        return FashionMnistNetwork.newBlock(classes);
    }
}
