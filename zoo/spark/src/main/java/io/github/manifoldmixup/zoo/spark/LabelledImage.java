/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import java.io.Serializable;

/**
 * One test image as the partitions receive it: 8-bit pixels in the channel-last order of Spark's
 * image data source, its class and where it came from.
 *
 * @param origin the image's file (or its place in Fashion-MNIST), for error messages
 * @param label the class index
 * @param channels the number of channels
 * @param height the height in pixels
 * @param width the width in pixels
 * @param pixels {@code height * width * channels} bytes, row by row, channels last
 */
public record LabelledImage(
        String origin, int label, int channels, int height, int width, byte[] pixels)
        implements Serializable {}
