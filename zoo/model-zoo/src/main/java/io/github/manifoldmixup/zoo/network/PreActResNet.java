/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.nn.SequentialBlock;

/**
 * The pre-activation ResNet-18 and ResNet-34 of the Manifold Mixup paper's CIFAR and SVHN
 * experiments, for 32x32 RGB inputs {@code (B, 3, 32, 32)}.
 *
 * <p>A 3x3 stem convolution with 64 filters, then four stages of pre-activation basic blocks with
 * 64, 128, 256 and 512 channels at 32x32, 16x16, 8x8 and 4x4 ([2, 2, 2, 2] blocks for 18 layers,
 * [3, 4, 6, 3] for 34), then BN, ReLU, global average pooling and a {@code Linear} classifier.
 *
 * <p><b>Mixing layers.</b> The top-level children are:
 *
 * <ul>
 *   <li>{@code 01SequentialBlock}: stem and stage 1, output {@code (B, 64, 32, 32)};
 *   <li>{@code 02SequentialBlock}: stage 2, output {@code (B, 128, 16, 16)};
 *   <li>{@code 03SequentialBlock}: stage 3 ({@code 03SequentialBlock/01SequentialBlock}, output
 *       {@code (B, 256, 8, 8)}), stage 4 ({@code 03SequentialBlock/02SequentialBlock}, output
 *       {@code (B, 512, 4, 4)}) and the classifier.
 * </ul>
 *
 * <p>The listener's automatic choice is {@code 01SequentialBlock, 02SequentialBlock}; with {@code
 * optIncludeInput(true)} that is the paper's set {input, after stage 1, after stage 2}. The outputs
 * of stages 3 and 4 can be named by their nested paths.
 *
 * <pre>{@code
 * Block block = PreActResNet.builder().setNumLayers(18).setNumClasses(10).build();
 * }</pre>
 */
public final class PreActResNet {

    private static final int STEM_WIDTH = 64;
    private static final int[] WIDTHS = {64, 128, 256, 512};
    private static final int[] BLOCKS_18 = {2, 2, 2, 2};
    private static final int[] BLOCKS_34 = {3, 4, 6, 3};

    private PreActResNet() {}

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link PreActResNet}: the depth and the number of classes are required. */
    public static final class Builder {

        private int numLayers;
        private int numClasses;

        private Builder() {}

        /**
         * Sets the depth: 18 or 34 layers.
         *
         * @param numLayers the number of weighted layers
         * @return this builder
         */
        public Builder setNumLayers(int numLayers) {
            this.numLayers = numLayers;
            return this;
        }

        /**
         * Sets the number of classes (10 for CIFAR-10 and SVHN, 100 for CIFAR-100).
         *
         * @param numClasses the outputs of the classifier, positive
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return a new, uninitialized network
         * @throws IllegalArgumentException if the depth is not 18 or 34, or the number of classes
         *     was not set to a positive number
         */
        public SequentialBlock build() {
            int[] blocks;
            if (numLayers == 18) {
                blocks = BLOCKS_18;
            } else if (numLayers == 34) {
                blocks = BLOCKS_34;
            } else {
                throw new IllegalArgumentException(
                        "PreActResNet has 18 or 34 layers, got "
                                + numLayers
                                + ": call setNumLayers(18) or setNumLayers(34).");
            }
            return PreActLayout.build(STEM_WIDTH, WIDTHS, blocks, 0f, numClasses);
        }
    }
}
