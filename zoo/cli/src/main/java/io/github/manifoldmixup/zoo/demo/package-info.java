/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The two-spirals demonstration on generated data (the paper's Figure 1 setting): the experiment,
 * and the runnable demo that prints its table and draws its figures.
 */
package io.github.manifoldmixup.zoo.demo;
