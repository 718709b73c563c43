/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Does a classifier hold off its test set? {@link
 * io.github.manifoldmixup.robustness.RobustnessSuite} measures any DJL classifier on clean,
 * corrupted (17 corruptions at 5 severities), adversarial (FGSM, PGD) and out-of-distribution data,
 * with calibration under shift and mean corruption error, into a {@link
 * io.github.manifoldmixup.robustness.RobustnessReport}; shard by shard, its {@link
 * io.github.manifoldmixup.robustness.SuiteAccumulator}s merge into exactly the report of one pass.
 */
package io.github.manifoldmixup.robustness;
