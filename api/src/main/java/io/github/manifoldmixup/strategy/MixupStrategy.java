/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

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
 * #getName() name}. Names are unique: two strategies with one name are refused, unless one declares
 * that it {@link #replaces() replaces} the other (as the PyTorch {@code "mixup"} replaces the
 * engine-neutral one). An implementation must have a public no-argument constructor and be safe to
 * call from several threads at once (forwards of different device splits may run in parallel).
 *
 * <p>Inside {@link #mix}: create every new array with {@link MixingContext#manager()
 * context.manager()}, which is on the activation's device and is freed with the batch; shape
 * per-example values with {@link MixingContext#lambdaFor} or {@link MixingContext#alongBatch}, so
 * one implementation serves both lambda modes; and read no device value on the host (no {@code
 * getFloat()} or {@code toArray()}).
 */
public interface MixupStrategy {

    /**
     * Returns the name users select this strategy by, for example {@code "mixup"}.
     *
     * @return a short lower-case name, unique among the strategies on the class path
     */
    String getName();

    /**
     * Returns the strategy this one stands in for, on the engines it {@link #supports supports}:
     * the two share a name; lookups by that name return this one, and a trainer on an engine this
     * one does not support gets the replaced one. The only way two strategies may share a name.
     *
     * @return the class of the replaced strategy (also listed in {@code META-INF/services}), or
     *     empty (the default) for a strategy that replaces none
     */
    default Optional<Class<? extends MixupStrategy>> replaces() {
        return Optional.empty();
    }

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
     * @param point the name of the mixing point, for error messages
     * @param hiddenShape the shape of the hidden state, batch axis first
     * @throws IllegalArgumentException if the rule cannot apply; the message says why and how to
     *     fix it
     */
    default void validate(String point, Shape hiddenShape) {}

    /**
     * Mixes a batch of hidden states with its partners.
     *
     * @param hidden the hidden states, batch axis first
     * @param context the coefficient, the permutation and the mixing point of this forward pass
     * @return the mixed hidden states (same shape as {@code hidden}) and the target weight
     */
    MixedState mix(NDArray hidden, MixingContext context);
}
