/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

/** How many mixing coefficients a mixed batch gets. */
public enum LambdaMode {

    /** One {@code lambda} for the whole batch: the paper's rule, and the default. */
    BATCH,

    /**
     * One {@code lambda} per example: row {@code i} is mixed with its partner with its own
     * coefficient, and its targets are weighted with it. Needs a loss that takes one target weight
     * per example, such as {@link io.github.manifoldmixup.loss.SoftTargetLoss}.
     */
    ELEM
}
