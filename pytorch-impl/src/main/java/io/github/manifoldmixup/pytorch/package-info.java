/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Mixing strategies on the PyTorch engine, registered with {@link java.util.ServiceLoader}. */
package io.github.manifoldmixup.pytorch;
