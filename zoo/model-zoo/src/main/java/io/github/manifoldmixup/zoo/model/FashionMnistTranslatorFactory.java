/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.translator.BaseImageTranslatorFactory;
import ai.djl.translate.Translator;
import java.util.Map;

/**
 * The {@code TranslatorFactory} of the Fashion-MNIST networks, named in the {@code
 * serving.properties} of an exported model directory: 28x28 images (converted to grayscale) to the
 * ten classes' probabilities, and every input DJL expands an image translator to ({@code Path},
 * {@code URL}, {@code InputStream}, {@code String}, and DJL Serving's {@code Input -> Output}).
 */
public final class FashionMnistTranslatorFactory
        extends BaseImageTranslatorFactory<Classifications> {

    /** {@inheritDoc} */
    @Override
    protected Translator<ai.djl.modality.cv.Image, Classifications> buildBaseTranslator(
            Model model, Map<String, ?> arguments) {
        return FashionMnistTranslators.images();
    }

    /** {@inheritDoc} */
    @Override
    public Class<Classifications> getBaseOutputType() {
        return Classifications.class;
    }
}
