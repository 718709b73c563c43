/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.util.List;

/**
 * The pre-activation basic residual block (He et al., "Identity Mappings in Deep Residual
 * Networks", 2016) and the convolutions it is made of.
 *
 * <p>A block computes {@code x + F(x)} with {@code F = conv3x3(stride), BN, ReLU, [dropout],
 * conv3x3} applied to the pre-activated input {@code BN, ReLU (x)}. When the block changes the
 * width or the resolution, the shortcut is a strided 1x1 convolution of the pre-activated input,
 * and the block is a {@code SequentialBlock} of that shared BN-ReLU and a {@code ParallelBlock};
 * otherwise the shortcut is the identity of the raw input and the block is one {@code
 * ParallelBlock}.
 */
final class ResidualBlocks {

    private ResidualBlocks() {}

    /**
     * Creates a pre-activation basic block.
     *
     * @param inChannels the channels of the block's input
     * @param outChannels the channels of its output
     * @param stride the stride of its first convolution (and of the projection shortcut)
     * @param dropoutRate the dropout rate between the two convolutions; 0 for none
     * @return the block
     */
    static Block preActBasic(int inChannels, int outChannels, int stride, float dropoutRate) {
        boolean identityShortcut = stride == 1 && inChannels == outChannels;
        SequentialBlock residual = identityShortcut ? preActivation() : new SequentialBlock();
        residual.add(conv3x3(outChannels, stride)).add(BatchNorm.builder().build());
        residual.add(Activation.reluBlock());
        if (dropoutRate > 0) {
            residual.add(Dropout.builder().optRate(dropoutRate).build());
        }
        residual.add(conv3x3(outChannels, 1));
        if (identityShortcut) {
            return sum(residual, Blocks.identityBlock());
        }
        return preActivation().add(sum(residual, conv(outChannels, 1, stride, 0)));
    }

    /**
     * Creates a 3x3 convolution without bias that keeps the resolution at stride 1.
     *
     * @param filters the output channels
     * @param stride the stride in both directions
     * @return the convolution
     */
    static Block conv3x3(int filters, int stride) {
        return conv(filters, 3, stride, 1);
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                .build();
    }

    private static SequentialBlock preActivation() {
        return new SequentialBlock().add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    private static Block sum(Block residual, Block shortcut) {
        return new ParallelBlock(
                outputs ->
                        new NDList(
                                outputs.get(0)
                                        .singletonOrThrow()
                                        .add(outputs.get(1).singletonOrThrow())),
                List.of(residual, shortcut));
    }
}
