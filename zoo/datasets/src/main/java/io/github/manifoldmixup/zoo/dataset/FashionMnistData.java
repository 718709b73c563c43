/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Pipeline;
import io.github.manifoldmixup.zoo.transform.RandomHorizontalFlip;
import io.github.manifoldmixup.zoo.transform.RandomPaddedCrop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fashion-MNIST from local IDX files, offline, as DJL's own {@link FashionMnist} dataset.
 *
 * <p>The files come from Debian's package {@code dataset-fashion-mnist} ({@code apt-get install
 * dataset-fashion-mnist}), which installs them in {@value #DEFAULT_DIRECTORY}; another directory
 * holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} (each gzipped or not) can be named
 * with {@link Builder#optDirectory(Path)} or the system property {@value #DIRECTORY_PROPERTY}.
 * Nothing is downloaded: the helper writes a local DJL repository (a {@code metadata.json} naming
 * the files by {@code file:} URIs) under DJL's cache directory, and when the dataset is first
 * prepared DJL copies the files there, gunzipped (about 55 MB, once per source directory).
 *
 * <p>Batches come out as {@code (B, 1, 28, 28)} float32 images in [0, 1] and {@code (B)} float32
 * class labels 0..9. With {@link Builder#optAugmentation(boolean)}, each training image is
 * translated by up to 2 pixels (zero padding 2, random 28x28 crop) and mirrored with probability
 * 1/2, independently per example.
 *
 * <pre>{@code
 * FashionMnist train = FashionMnistData.builder()
 *         .setUsage(Dataset.Usage.TRAIN)
 *         .setSampling(128, true)
 *         .optAugmentation(true)
 *         .build();
 * train.prepare();
 * }</pre>
 */
public final class FashionMnistData {

    /** The directory Debian's {@code dataset-fashion-mnist} installs the files in. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /**
     * The system property that names another directory; {@link Builder#optDirectory(Path)} wins
     * over it.
     */
    public static final String DIRECTORY_PROPERTY = "manifoldmixup.fashionmnist.dir";

    /** The number of training images, {@code Dataset.Usage.TRAIN}. */
    public static final int TRAINING_IMAGES = 60_000;

    /** The number of test images, {@code Dataset.Usage.TEST}. */
    public static final int TEST_IMAGES = 10_000;

    /** The zero padding of the augmentation's random crop, which is its largest shift. */
    public static final int AUGMENTATION_PADDING = 2;

    private FashionMnistData() {}

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures a Fashion-MNIST dataset: the usage and the sampling are required; by default all
     * examples, no augmentation, the files in {@value #DEFAULT_DIRECTORY} (or the directory in
     * {@value #DIRECTORY_PROPERTY}) and a new manager of the default engine.
     */
    public static final class Builder {

        private Dataset.Usage usage;
        private int batchSize;
        private boolean shuffle;
        private long limit = Long.MAX_VALUE;
        private boolean augmentation;
        private Path directory;
        private NDManager manager;

        private Builder() {}

        /**
         * Sets the split: {@code TRAIN} ({@value FashionMnistData#TRAINING_IMAGES} examples) or
         * {@code TEST} ({@value FashionMnistData#TEST_IMAGES}).
         *
         * @param usage the split
         * @return this builder
         */
        public Builder setUsage(Dataset.Usage usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Sets the batch size and whether each epoch visits the examples in a new random order. The
         * last batch of an epoch may be smaller.
         *
         * @param batchSize the examples per batch, positive
         * @param shuffle {@code true} for a random order, {@code false} for the files' order
         * @return this builder
         */
        public Builder setSampling(int batchSize, boolean shuffle) {
            this.batchSize = batchSize;
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Keeps only the first examples of the split (default: all).
         *
         * @param limit the number of examples to keep, positive
         * @return this builder
         */
        public Builder optLimit(long limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Turns the training augmentation on or off (default off): a random translation by up to
         * {@value FashionMnistData#AUGMENTATION_PADDING} pixels (zero padding and a random crop)
         * and a horizontal flip with probability 1/2, drawn per example by the engine's generator.
         *
         * @param augmentation whether to augment
         * @return this builder
         */
        public Builder optAugmentation(boolean augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /**
         * Sets the directory of the IDX files (default: the system property {@value
         * FashionMnistData#DIRECTORY_PROPERTY} if set, else {@value
         * FashionMnistData#DEFAULT_DIRECTORY}).
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder optDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Sets the manager whose sub-manager holds the dataset's arrays (default: a new manager of
         * the default engine).
         *
         * @param manager the manager
         * @return this builder
         */
        public Builder optManager(NDManager manager) {
            this.manager = manager;
            return this;
        }

        /**
         * Checks the settings and the files and builds the dataset. The files are read when the
         * dataset is prepared ({@code prepare()}, or its first {@code getData}).
         *
         * @return the dataset, not yet prepared
         * @throws IllegalArgumentException if a setting is missing or out of range
         * @throws java.io.FileNotFoundException if a file is missing; the message names the
         *     directory looked in and the Debian package to install
         * @throws IOException if the local repository's metadata cannot be written
         */
        public FashionMnist build() throws IOException {
            if (usage != Dataset.Usage.TRAIN && usage != Dataset.Usage.TEST) {
                throw new IllegalArgumentException(
                        "Fashion-MNIST has a TRAIN and a TEST split, got "
                                + usage
                                + ": call setUsage(Dataset.Usage.TRAIN) or"
                                + " setUsage(Dataset.Usage.TEST).");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException(
                        "Set the batch size with setSampling(batchSize, shuffle), batchSize >= 1;"
                                + " got "
                                + batchSize
                                + ".");
            }
            if (limit < 1) {
                throw new IllegalArgumentException(
                        "optLimit(...) must be at least 1, got " + limit + ".");
            }
            FashionMnistFiles files = FashionMnistFiles.locate(resolveDirectory());
            Pipeline pipeline = new Pipeline(new ToTensor());
            if (augmentation) {
                pipeline.add(new RandomPaddedCrop(AUGMENTATION_PADDING))
                        .add(new RandomHorizontalFlip());
            }
            FashionMnist.Builder builder =
                    FashionMnist.builder()
                            .optRepository(FashionMnistRepository.create(files))
                            .optUsage(usage)
                            .setSampling(batchSize, shuffle)
                            .optLimit(limit)
                            .optPipeline(pipeline);
            if (manager != null) {
                builder.optManager(manager);
            }
            return builder.build();
        }

        private Path resolveDirectory() {
            if (directory != null) {
                return directory;
            }
            String property = System.getProperty(DIRECTORY_PROPERTY);
            if (property != null && !property.isBlank()) {
                return Path.of(property);
            }
            return Path.of(DEFAULT_DIRECTORY);
        }
    }
}
