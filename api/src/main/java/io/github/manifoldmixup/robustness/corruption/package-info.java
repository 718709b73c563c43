/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Image corruptions for robustness evaluation: the 15 corruptions of MNIST-C (Mu and Gilmer 2019)
 * plus Gaussian noise and contrast, each at five severities, on host float arrays ({@link
 * io.github.manifoldmixup.robustness.corruption.Corruption}), on NDArray batches ({@link
 * io.github.manifoldmixup.robustness.corruption.Corruptions}) and as a DJL transform ({@link
 * io.github.manifoldmixup.robustness.corruption.CorruptionTransform}).
 */
package io.github.manifoldmixup.robustness.corruption;
