/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The Manifold Mixup paper's networks as DJL {@code SequentialBlock}s whose top-level children end
 * at the paper's mixing points: pre-activation ResNet-18 and -34 and Wide-ResNet-28-10 for 32x32
 * RGB images, and a small pre-activation ResNet for 28x28 grayscale images.
 *
 * <p>Each network has three top-level children: stem and stage 1, stage 2, and the rest (later
 * stages and the classifier). So the listener's automatic layer choice is "after stage 1, after
 * stage 2", and {@code optIncludeInput(true)} adds the input: the paper's set.
 */
package io.github.manifoldmixup.zoo.network;
