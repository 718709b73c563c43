/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** The training listener that adds Manifold Mixup to a DJL trainer. */
package io.github.manifoldmixup.listener;
