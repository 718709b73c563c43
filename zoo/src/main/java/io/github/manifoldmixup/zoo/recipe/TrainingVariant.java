/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import java.util.Optional;

/** The three ways the zoo's pretrained networks are trained. */
public enum TrainingVariant {

    /** Plain training, no mixing. */
    NONE("none"),

    /** Input mixup: the input is mixed, {@code alpha = 1}. */
    INPUT("input"),

    /**
     * Manifold Mixup: the input and the network's automatic mixing points (after stage 1 and after
     * stage 2), {@code alpha = 2}.
     */
    MANIFOLD("manifold");

    private final String filter;

    TrainingVariant(String filter) {
        this.filter = filter;
    }

    /**
     * Returns the value of the zoo's {@code mixup} filter for this variant.
     *
     * @return {@code "none"}, {@code "input"} or {@code "manifold"}
     */
    public String filter() {
        return filter;
    }

    /**
     * Returns the listener that trains this variant.
     *
     * @param seed the listener's seed
     * @return the listener, empty for {@link #NONE}
     */
    public Optional<ManifoldMixupTrainingListener> listener(long seed) {
        return switch (this) {
            case NONE -> Optional.empty();
            case INPUT ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(1f)
                                    .optMixingLayers("input")
                                    .optSeed(seed)
                                    .build());
            case MANIFOLD ->
                    Optional.of(
                            ManifoldMixupTrainingListener.builder()
                                    .optAlpha(2f)
                                    .optIncludeInput(true)
                                    .optSeed(seed)
                                    .build());
        };
    }

    /**
     * Returns the variant of a filter value.
     *
     * @param filter {@code "none"}, {@code "input"} or {@code "manifold"}
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
                "Unknown mixup variant '" + filter + "'. Known: none, input, manifold.");
    }
}
