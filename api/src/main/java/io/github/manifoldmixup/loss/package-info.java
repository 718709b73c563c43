/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** The mixup-aware loss and the per-forward mixing record it reads. */
package io.github.manifoldmixup.loss;
