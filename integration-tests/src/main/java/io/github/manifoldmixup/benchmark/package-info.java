/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Runnable benchmarks: main classes that print medians and ratios measured in one process. */
package io.github.manifoldmixup.benchmark;
