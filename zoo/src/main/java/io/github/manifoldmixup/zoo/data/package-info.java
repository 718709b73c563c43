/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Datasets for the demos and recipes: generated toy problems and Fashion-MNIST from local files.
 */
package io.github.manifoldmixup.zoo.data;
