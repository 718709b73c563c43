/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * White-box L-infinity adversarial attacks against a DJL classifier: {@link
 * io.github.manifoldmixup.robustness.attack.Fgsm} and {@link
 * io.github.manifoldmixup.robustness.attack.Pgd}. Engine-neutral: gradients come from the engine's
 * {@link ai.djl.training.GradientCollector}; the model's parameters are never updated and keep
 * their gradients.
 */
package io.github.manifoldmixup.robustness.attack;
