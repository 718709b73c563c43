/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Measurements of trained networks: accuracy and calibration over a dataset, and the flattening of
 * class-conditional representations.
 */
package io.github.manifoldmixup.zoo.analysis;
