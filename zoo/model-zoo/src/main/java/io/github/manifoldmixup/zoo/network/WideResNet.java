/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.nn.SequentialBlock;

/**
 * The pre-activation Wide ResNet (Zagoruyko and Komodakis, 2016) of the Manifold Mixup paper,
 * WRN-28-10 by default, for 32x32 RGB inputs {@code (B, 3, 32, 32)}.
 *
 * <p>WRN-{@code d}-{@code k}: a 3x3 stem convolution with 16 filters, then three stages of {@code
 * (d - 4) / 6} pre-activation basic blocks with {@code 16k}, {@code 32k} and {@code 64k} channels
 * at 32x32, 16x16 and 8x8 (for WRN-28-10: 4 blocks each, 160, 320 and 640 channels), then BN, ReLU,
 * global average pooling and a {@code Linear} classifier. Optional dropout sits between the two
 * convolutions of each block, after the ReLU.
 *
 * <p><b>Mixing layers.</b> The top-level children are:
 *
 * <ul>
 *   <li>{@code 01SequentialBlock}: stem and stage 1, output {@code (B, 16k, 32, 32)};
 *   <li>{@code 02SequentialBlock}: stage 2, output {@code (B, 32k, 16, 16)};
 *   <li>{@code 03SequentialBlock}: stage 3 ({@code 03SequentialBlock/01SequentialBlock}, output
 *       {@code (B, 64k, 8, 8)}) and the classifier.
 * </ul>
 *
 * <p>The listener's automatic choice is {@code 01SequentialBlock, 02SequentialBlock}; with {@code
 * optIncludeInput(true)} that is the paper's set {input, after stage 1, after stage 2}.
 *
 * <pre>{@code
 * Block block = WideResNet.builder().setNumClasses(100).optDropoutRate(0.3f).build();
 * }</pre>
 */
public final class WideResNet {

    private static final int STEM_WIDTH = 16;
    private static final int[] BASE_WIDTHS = {16, 32, 64};

    private WideResNet() {}

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures a {@link WideResNet}: the number of classes is required; depth 28, widening factor
     * 10 and no dropout by default.
     */
    public static final class Builder {

        private int numClasses;
        private int depth = 28;
        private int widenFactor = 10;
        private float dropoutRate;

        private Builder() {}

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
         * Sets the depth {@code d} (default 28): {@code 6n + 4} for {@code n >= 1} blocks per
         * stage.
         *
         * @param depth the number of weighted layers
         * @return this builder
         */
        public Builder optDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the widening factor {@code k} (default 10).
         *
         * @param widenFactor the multiplier of the stage widths 16, 32 and 64, positive
         * @return this builder
         */
        public Builder optWidenFactor(int widenFactor) {
            this.widenFactor = widenFactor;
            return this;
        }

        /**
         * Sets the dropout rate between the two convolutions of each block (default 0, none).
         *
         * @param dropoutRate the probability of zeroing an activation, in [0, 1)
         * @return this builder
         */
        public Builder optDropoutRate(float dropoutRate) {
            this.dropoutRate = dropoutRate;
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
            if (depth < 10 || (depth - 4) % 6 != 0) {
                throw new IllegalArgumentException(
                        "A Wide ResNet's depth is 6n + 4 (10, 16, 22, 28, 34, 40, ...), got "
                                + depth
                                + ": fix optDepth(...).");
            }
            if (widenFactor < 1) {
                throw new IllegalArgumentException(
                        "optWidenFactor(...) must be at least 1, got " + widenFactor + ".");
            }
            if (!(dropoutRate >= 0 && dropoutRate < 1)) {
                throw new IllegalArgumentException(
                        "optDropoutRate(...) must be in [0, 1), got " + dropoutRate + ".");
            }
            int blocks = (depth - 4) / 6;
            int[] widths = new int[BASE_WIDTHS.length];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = BASE_WIDTHS[i] * widenFactor;
            }
            return PreActLayout.build(
                    STEM_WIDTH,
                    widths,
                    new int[] {blocks, blocks, blocks},
                    dropoutRate,
                    numClasses);
        }
    }
}
