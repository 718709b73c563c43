/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

/**
 * One of the strategies a mixed batch is drawn from, with its relative weight and its alpha.
 *
 * @param strategy the strategy
 * @param weight its relative weight, non-negative
 * @param alpha the parameter of its {@code Beta(alpha, alpha)}, positive
 */
public record StrategyChoice(MixupStrategy strategy, float weight, float alpha) {}
