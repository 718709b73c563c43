/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Out-of-distribution detection from a classifier's logits: confidence scores ({@link
 * io.github.manifoldmixup.robustness.ood.OodScore}) and an exact, mergeable accumulator of their
 * AUROC, AUPR and FPR at a given TPR ({@link
 * io.github.manifoldmixup.robustness.ood.DetectionAccumulator}).
 */
package io.github.manifoldmixup.robustness.ood;
