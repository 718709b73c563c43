/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import java.util.Optional;

/** How each {@link MixupVariant} of the zoo is trained: its listener options. */
public final class VariantRecipe {

    private VariantRecipe() {}

    /**
     * Returns the alpha of the Beta distribution a variant's mixing weights are drawn from.
     *
     * @param variant the variant
     * @return the alpha, 0 for {@link MixupVariant#NONE}
     */
    public static float alpha(MixupVariant variant) {
        return switch (variant) {
            case NONE -> 0f;
            case INPUT -> 1f;
            case MANIFOLD, MANIFOLD_THEN_PLAIN -> 2f;
        };
    }

    /**
     * Returns the first epoch (0-based) a variant trains without mixing.
     *
     * @param variant the variant
     * @param epochs the length of the schedule
     * @return the epoch; {@code epochs} if every epoch mixes
     */
    public static int mixingOffEpoch(MixupVariant variant, int epochs) {
        return variant == MixupVariant.MANIFOLD_THEN_PLAIN ? epochs * 3 / 5 : epochs;
    }

    /**
     * Returns the listener that trains a variant.
     *
     * @param variant the variant
     * @param seed the listener's seed
     * @param epochs the length of the schedule
     * @return the listener, empty for {@link MixupVariant#NONE}
     */
    public static Optional<ManifoldMixupTrainingListener> listener(
            MixupVariant variant, long seed, int epochs) {
        return switch (variant) {
            case NONE -> Optional.empty();
            case INPUT ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(alpha(variant))
                                    .optMixingLayers("input")
                                    .optSeed(seed)
                                    .build());
            case MANIFOLD, MANIFOLD_THEN_PLAIN ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(alpha(variant))
                                    .optIncludeInput(true)
                                    .optMixingOffEpoch(mixingOffEpoch(variant, epochs))
                                    .optSeed(seed)
                                    .build());
        };
    }
}
