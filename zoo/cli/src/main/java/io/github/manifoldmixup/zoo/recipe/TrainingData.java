/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.transform.RandomHorizontalFlip;
import io.github.manifoldmixup.zoo.transform.RandomPaddedCrop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * What {@code train} trains on and evaluates after each epoch.
 *
 * @param training the (possibly augmented) training examples, shuffled in batches
 * @param evaluation the examples measured after each epoch, never augmented
 * @param evaluationName what the evaluation set is, for the log ("test", "validation")
 * @param classes the number of classes
 * @param inputShape the shape of one example as a batch of one, {@code (1, C, H, W)}
 */
record TrainingData(
        RandomAccessDataset training,
        RandomAccessDataset evaluation,
        String evaluationName,
        int classes,
        Shape inputShape) {

    /**
     * Fashion-MNIST: the first {@code used - holdout} training images, evaluated on the 10,000 test
     * images; the last {@code holdout} are left for temperature scaling.
     */
    static TrainingData fashionMnist(int batch, boolean augment, int holdout, Integer limit)
            throws IOException, TranslateException {
        int used =
                limit == null
                        ? FashionMnistData.TRAINING_IMAGES
                        : Math.min(limit, FashionMnistData.TRAINING_IMAGES);
        if (holdout < 0 || holdout >= used) {
            throw new IllegalArgumentException(
                    "--holdout must be at least 0 and below the "
                            + used
                            + " training images used, got "
                            + holdout
                            + ".");
        }
        RandomAccessDataset all =
                FashionMnistData.builder()
                        .setUsage(Dataset.Usage.TRAIN)
                        .setSampling(batch, true)
                        .optAugmentation(augment)
                        .build();
        all.prepare();
        RandomAccessDataset test =
                FashionMnistData.builder()
                        .setUsage(Dataset.Usage.TEST)
                        .setSampling(500, false)
                        .build();
        return new TrainingData(
                all.subDataset(0, used - holdout),
                test,
                "test",
                FashionMnistNetwork.CLASSES,
                FashionMnistNetwork.INPUT_SHAPE);
    }

    /**
     * A folder with one sub-folder of images per class (DJL's {@link ImageFolder}), resized to
     * {@code size x size}; a seeded random {@code validationPercent} of the images is kept out of
     * training and evaluated after each epoch.
     */
    static TrainingData imageFolder(
            Path root,
            int size,
            boolean grayscale,
            int batch,
            boolean augment,
            int validationPercent,
            long seed)
            throws IOException, TranslateException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(
                    "--image-folder "
                            + root
                            + " is not a directory; it needs one sub-folder of images per class.");
        }
        if (validationPercent < 1 || validationPercent > 50) {
            throw new IllegalArgumentException(
                    "--validation-percent must be in [1, 50], got " + validationPercent + ".");
        }
        ImageFolder training = folder(root, size, grayscale, batch, true, augment);
        ImageFolder plain = folder(root, size, grayscale, 256, false, false);
        training.prepare();
        plain.prepare();
        int classes = training.getSynset().size();
        long images = training.size();
        long validation = Math.max(1, images * validationPercent / 100);
        if (classes < 2 || images - validation < classes) {
            throw new IllegalArgumentException(
                    root
                            + " has "
                            + classes
                            + " class folder(s) with "
                            + images
                            + " images in all; training needs at least 2 classes and more images"
                            + " than the validation share.");
        }
        List<Long> order = new ArrayList<>(LongStream.range(0, images).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int channels = grayscale ? 1 : 3;
        return new TrainingData(
                training.subDataset(new ArrayList<>(order.subList((int) validation, order.size()))),
                plain.subDataset(new ArrayList<>(order.subList(0, (int) validation))),
                "validation",
                classes,
                new Shape(1, channels, size, size));
    }

    private static ImageFolder folder(
            Path root, int size, boolean grayscale, int batch, boolean shuffle, boolean augment) {
        ImageFolder.Builder builder =
                ImageFolder.builder()
                        .setRepositoryPath(root)
                        .optFlag(grayscale ? Image.Flag.GRAYSCALE : Image.Flag.COLOR)
                        .addTransform(new Resize(size, size))
                        .addTransform(new ToTensor())
                        .setSampling(batch, shuffle);
        if (augment) {
            builder.addTransform(new RandomPaddedCrop(Math.max(1, size / 14)))
                    .addTransform(new RandomHorizontalFlip());
        }
        return builder.build();
    }
}
