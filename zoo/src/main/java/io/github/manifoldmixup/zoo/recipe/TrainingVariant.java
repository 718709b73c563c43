/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways the zoo's pretrained networks are trained. */
public enum TrainingVariant {

    /** Plain training, no mixing. */
    NONE("none", 0f, "no mixing"),

    /** Input mixup: the input is mixed, {@code alpha = 1}. */
    INPUT("input", 1f, "input mixup, alpha 1"),

    /**
     * Manifold Mixup: the input and the network's automatic mixing points (after stage 1 and after
     * stage 2), {@code alpha = 2}, in every epoch.
     */
    MANIFOLD("manifold", 2f, "Manifold Mixup at {input, after stage 1, after stage 2}, alpha 2"),

    /**
     * Manifold Mixup as {@link #MANIFOLD} for the first 60% of the epochs, then plain training for
     * the last 40% (timm's {@code mixup_off_epoch}), while the learning rate anneals.
     */
    MANIFOLD_THEN_PLAIN(
            "manifold-then-plain",
            2f,
            "Manifold Mixup at {input, after stage 1, after stage 2}, alpha 2, for the first 60% of"
                    + " the epochs, then plain");

    private final String filter;
    private final float alpha;
    private final String description;

    TrainingVariant(String filter, float alpha, String description) {
        this.filter = filter;
        this.alpha = alpha;
        this.description = description;
    }

    /**
     * Returns the value of the zoo's {@code mixup} filter for this variant.
     *
     * @return for example {@code "manifold"}
     */
    public String filter() {
        return filter;
    }

    /**
     * Returns the alpha of the Beta distribution the mixing weights are drawn from.
     *
     * @return the alpha, 0 for {@link #NONE}
     */
    public float alpha() {
        return alpha;
    }

    /**
     * Returns how this variant mixes, in words.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the first epoch (0-based) this variant trains without mixing.
     *
     * @param epochs the length of the schedule
     * @return the epoch; {@code epochs} if every epoch mixes
     */
    public int mixingOffEpoch(int epochs) {
        return this == MANIFOLD_THEN_PLAIN ? epochs * 3 / 5 : epochs;
    }

    /**
     * Returns the listener that trains this variant.
     *
     * @param seed the listener's seed
     * @param epochs the length of the schedule
     * @return the listener, empty for {@link #NONE}
     */
    public Optional<ManifoldMixupTrainingListener> listener(long seed, int epochs) {
        return switch (this) {
            case NONE -> Optional.empty();
            case INPUT ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(alpha)
                                    .optMixingLayers("input")
                                    .optSeed(seed)
                                    .build());
            case MANIFOLD, MANIFOLD_THEN_PLAIN ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(alpha)
                                    .optIncludeInput(true)
                                    .optMixingOffEpoch(mixingOffEpoch(epochs))
                                    .optSeed(seed)
                                    .build());
        };
    }

    /**
     * Returns the filter values of every variant, for messages.
     *
     * @return for example {@code "none, input, manifold, manifold-then-plain"}
     */
    public static String known() {
        return Arrays.stream(values())
                .map(TrainingVariant::filter)
                .collect(Collectors.joining(", "));
    }

    /**
     * Returns the variant of a filter value.
     *
     * @param filter one of {@link #known()}
     * @return the variant
     * @throws IllegalArgumentException for another value; the message lists the known ones
     */
    public static TrainingVariant of(String filter) {
        for (TrainingVariant variant : values()) {
            if (variant.filter.equals(filter)) {
                return variant;
            }
        }
        throw new IllegalArgumentException(
                "Unknown mixup variant '" + filter + "'. Known: " + known() + ".");
    }
}
