/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.nn.SequentialBlock;

/**
 * A small pre-activation ResNet for 28x28 grayscale inputs {@code (B, 1, 28, 28)} such as
 * Fashion-MNIST, small enough to train on a CPU: pre-activation ResNet-20 by default.
 *
 * <p>A 3x3 stem convolution with 16 filters, then three stages of {@code n} pre-activation basic
 * blocks with 16, 32 and 64 channels at 28x28, 14x14 and 7x7 ({@code 6n + 2} weighted layers;
 * {@code n = 3} by default), then BN, ReLU, global average pooling and a {@code Linear} classifier.
 *
 * <p><b>Mixing layers.</b> The top-level children are:
 *
 * <ul>
 *   <li>{@code 01SequentialBlock}: stem and stage 1, output {@code (B, 16, 28, 28)};
 *   <li>{@code 02SequentialBlock}: stage 2, output {@code (B, 32, 14, 14)};
 *   <li>{@code 03SequentialBlock}: stage 3 ({@code 03SequentialBlock/01SequentialBlock}, output
 *       {@code (B, 64, 7, 7)}) and the classifier.
 * </ul>
 *
 * <p>The listener's automatic choice is {@code 01SequentialBlock, 02SequentialBlock}; with {@code
 * optIncludeInput(true)} that is the paper's set {input, after stage 1, after stage 2}.
 *
 * <pre>{@code
 * Block block = SmallPreActResNet.builder().setNumClasses(10).build();
 * }</pre>
 */
public final class SmallPreActResNet {

    private static final int STEM_WIDTH = 16;
    private static final int[] WIDTHS = {16, 32, 64};

    private SmallPreActResNet() {}

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures a {@link SmallPreActResNet}: the number of classes is required; 3 blocks per stage
     * by default.
     */
    public static final class Builder {

        private int numClasses;
        private int blocksPerStage = 3;

        private Builder() {}

        /**
         * Sets the number of classes (10 for Fashion-MNIST).
         *
         * @param numClasses the outputs of the classifier, positive
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Sets the residual blocks in each of the three stages (default 3, a ResNet-20).
         *
         * @param blocksPerStage {@code n}, positive; the network has {@code 6n + 2} layers
         * @return this builder
         */
        public Builder optBlocksPerStage(int blocksPerStage) {
            this.blocksPerStage = blocksPerStage;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return a new, uninitialized network
         * @throws IllegalArgumentException if a setting is out of range or the number of classes
         *     was not set
         */
        public SequentialBlock build() {
            if (blocksPerStage < 1) {
                throw new IllegalArgumentException(
                        "optBlocksPerStage(...) must be at least 1, got " + blocksPerStage + ".");
            }
            int[] blocks = {blocksPerStage, blocksPerStage, blocksPerStage};
            return PreActLayout.build(STEM_WIDTH, WIDTHS, blocks, 0f, numClasses);
        }
    }
}
