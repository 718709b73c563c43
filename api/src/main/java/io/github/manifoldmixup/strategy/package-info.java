/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** The mixing-rule SPI: {@link io.github.manifoldmixup.strategy.MixupStrategy} and its lookup. */
package io.github.manifoldmixup.strategy;
