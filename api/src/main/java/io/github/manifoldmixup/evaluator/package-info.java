/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Calibration metrics as DJL {@link ai.djl.training.evaluator.Evaluator}s (expected calibration
 * error with its reliability bins, negative log-likelihood, Brier score), their summary with
 * accuracy over a whole set, temperature scaling, and the exact sum that makes their accumulators
 * merge without rounding error.
 */
package io.github.manifoldmixup.evaluator;
