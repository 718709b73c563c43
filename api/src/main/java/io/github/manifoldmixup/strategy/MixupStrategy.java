/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A rule that combines a batch of hidden states with a permuted copy of itself: the service
 * provider interface of this library.
 *
 * <p>For a hidden batch {@code h} of shape {@code (B, ...)}, a permutation {@code p} of the batch
 * and a coefficient {@code lambda}, a strategy returns a mixed batch and the weight {@code w} that
 * the original targets get in the loss; the permuted targets get {@code 1 - w}. The built-in
 * interpolation (named {@code "mixup"}) returns {@code lambda * h + (1 - lambda) * h[p]} and {@code
 * w = lambda}.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.github.manifoldmixup.strategy.MixupStrategy} and select it by {@link
 * #getName() name}. An implementation must have a public no-argument constructor and be safe to
 * call from several threads at once (forwards of different device splits may run in parallel); it
 * must create its arrays from {@code hidden.getManager()} so they live on the activation's device
 * and are freed with the batch, and it must not read device values on the host (no {@code
 * getFloat()} or {@code toArray()}) inside {@link #mix}.
 */
public interface MixupStrategy {

    /**
     * Returns the name users select this strategy by, for example {@code "mixup"}.
     *
     * @return a short lower-case name, unique among the strategies on the class path
     */
    String getName();

    /**
     * Returns whether this strategy can work on arrays of the given engine. The listener checks it
     * when training starts.
     *
     * @param engine the engine of the trainer
     * @return {@code true} (the default) if the strategy works with any engine
     */
    default boolean supports(Engine engine) {
        return true;
    }

    /**
     * Returns whether this strategy gives one target weight per example in the given mode, which
     * needs a loss that takes per-example weights. The listener checks it when training starts.
     *
     * @param mode the listener's lambda mode
     * @return by default, {@code true} exactly in {@link LambdaMode#ELEM} mode
     */
    default boolean perExampleWeights(LambdaMode mode) {
        return mode == LambdaMode.ELEM;
    }

    /**
     * Checks, when training starts, that this rule can mix a hidden state of the given shape.
     *
     * @param layer the name of the mixing point, for error messages
     * @param hiddenShape the shape of the hidden state, batch axis first
     * @throws IllegalArgumentException if the rule cannot apply; the message says why and how to
     *     fix it
     */
    default void validate(String layer, Shape hiddenShape) {}

    /**
     * Mixes a batch of hidden states with its partners.
     *
     * @param hidden the hidden states, batch axis first
     * @param context the coefficient, the permutation and the mixing point of this forward pass
     * @return the mixed hidden states (same shape as {@code hidden}) and the target weight
     */
    MixedState mix(NDArray hidden, MixingContext context);
}
