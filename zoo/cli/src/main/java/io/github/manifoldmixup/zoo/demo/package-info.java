/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Runnable demonstrations on generated data. */
package io.github.manifoldmixup.zoo.demo;
