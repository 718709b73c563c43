/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Runnable benchmarks and probes, each a main class that measures in one process and prints what it
 * found: the ResNet-20 training step plain and mixed (and with the non-finite check on and off), a
 * long run watching step time and memory, the mixing operations, the robustness suite and a probe
 * of oneDNN's NaN gradients; with the ResNet-20 setting and trainer pair they share.
 */
package io.github.manifoldmixup.benchmark;
