/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * Assembles a pre-activation ResNet so that its top-level children end at the paper's mixing
 * points.
 *
 * <p>The network is a {@link SequentialBlock} of exactly three children:
 *
 * <ol>
 *   <li>{@code 01SequentialBlock}: the 3x3 stem convolution followed by the blocks of stage 1 (the
 *       paper never mixes between the stem and stage 1);
 *   <li>{@code 02SequentialBlock}: the blocks of stage 2;
 *   <li>{@code 03SequentialBlock}: every later stage (one nested {@code SequentialBlock} each:
 *       {@code 03SequentialBlock/01SequentialBlock} is stage 3), then BN, ReLU, global average
 *       pooling, flatten and the {@code Linear} classifier.
 * </ol>
 *
 * <p>The last child holds the classifier, so the automatic layer choice of {@code LayerSelector}
 * (the boundaries between top-level children before the last child with parameters) gives exactly
 * "after stage 1" and "after stage 2". Keeping the stem inside the first child stops it from
 * becoming a point of its own, and keeping stage 3 onwards inside the last child stops the output
 * of stage 3 (or of the pooled features) from becoming one.
 */
final class PreActLayout {

    /** How many stages end at a top-level boundary: the paper mixes after stages 1 and 2. */
    private static final int MIXED_STAGES = 2;

    private PreActLayout() {}

    /**
     * Builds the network.
     *
     * @param stemWidth the filters of the stem convolution
     * @param widths the channels of each stage, at least three stages
     * @param blocksPerStage the residual blocks of each stage, as many as {@code widths}
     * @param dropoutRate the dropout rate inside each residual block; 0 for none
     * @param numClasses the outputs of the classifier
     * @return the network
     * @throws IllegalArgumentException if the number of classes is not positive
     */
    static SequentialBlock build(
            int stemWidth, int[] widths, int[] blocksPerStage, float dropoutRate, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException(
                    "Set the number of classes with setNumClasses(n), n >= 1; got "
                            + numClasses
                            + ".");
        }
        SequentialBlock network = new SequentialBlock();
        SequentialBlock rest = new SequentialBlock();
        int channels = stemWidth;
        for (int stage = 0; stage < widths.length; stage++) {
            SequentialBlock blocks = new SequentialBlock();
            if (stage == 0) {
                blocks.add(ResidualBlocks.conv3x3(stemWidth, 1));
            }
            for (int i = 0; i < blocksPerStage[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                blocks.add(
                        ResidualBlocks.preActBasic(channels, widths[stage], stride, dropoutRate));
                channels = widths[stage];
            }
            (stage < MIXED_STAGES ? network : rest).add(blocks);
        }
        rest.add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
        return network.add(rest);
    }
}
