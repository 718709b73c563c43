/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Image augmentations as DJL {@code Transform}s that draw their randomness per example, also when
 * DJL applies them to a whole batch.
 */
package io.github.manifoldmixup.zoo.transform;
