/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.modality.cv.translator.ImageClassificationTranslator;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/** The translators of the Fashion-MNIST networks, both checking the input's size. */
final class FashionMnistTranslators {

    /** Fashion-MNIST's classes, in label order. */
    static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private static final int SIDE = 28;

    private FashionMnistTranslators() {}

    /** 28x28 images (converted to grayscale) to class probabilities. */
    static Translator<Image, Classifications> images() {
        return ImageClassificationTranslator.builder()
                .optFlag(Image.Flag.GRAYSCALE)
                .addTransform(FashionMnistTranslators::checkImage)
                .addTransform(new ToTensor())
                .optSynset(CLASSES)
                .optApplySoftmax(true)
                .build();
    }

    /** Batches of shape (B, 1, 28, 28) to logits, unchanged. */
    static Translator<NDList, NDList> batches() {
        return new NoopTranslator() {
            @Override
            public NDList processInput(TranslatorContext ctx, NDList input) {
                Shape shape = input.head().getShape();
                if (shape.dimension() != 4
                        || shape.get(1) != 1
                        || shape.get(2) != SIDE
                        || shape.get(3) != SIDE) {
                    throw new IllegalArgumentException(
                            ManifoldMixupModelZoo.FASHION_MNIST_RESNET
                                    + " takes batches of shape (B, 1, 28, 28) with"
                                    + " values in [0, 1], got "
                                    + shape
                                    + ".");
                }
                return input;
            }
        };
    }

    /** Checks an image array (H, W, 1) before it becomes a tensor. */
    private static NDArray checkImage(NDArray image) {
        Shape shape = image.getShape();
        if (shape.get(0) != SIDE || shape.get(1) != SIDE) {
            throw new IllegalArgumentException(
                    ManifoldMixupModelZoo.FASHION_MNIST_RESNET
                            + " takes 28x28 images, got "
                            + shape.get(1)
                            + "x"
                            + shape.get(0)
                            + ". Resize it first, for example with image.resize(28, 28, true).");
        }
        return image;
    }
}
