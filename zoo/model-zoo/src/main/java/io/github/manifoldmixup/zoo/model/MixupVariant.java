/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The variants of the zoo's pretrained networks, chosen with the {@code Criteria} filter {@value
 * #FILTER}. The training recipes that produce them live in the command-line tool.
 */
public enum MixupVariant {

    /** Plain training, no mixing. */
    NONE("none", "no mixing"),

    /** Input mixup, {@code alpha = 1}. */
    INPUT("input", "input mixup, alpha 1"),

    /**
     * Manifold Mixup at the input and the network's mixing points after stage 1 and after stage 2,
     * {@code alpha = 2}, in every epoch. The default variant.
     */
    MANIFOLD("manifold", "Manifold Mixup at {input, after stage 1, after stage 2}, alpha 2"),

    /** Manifold Mixup as {@link #MANIFOLD} for the first 60% of the epochs, then plain training. */
    MANIFOLD_THEN_PLAIN(
            "manifold-then-plain",
            "Manifold Mixup at {input, after stage 1, after stage 2}, alpha 2, for the first 60% of"
                    + " the epochs, then plain");

    /** The {@code Criteria} filter that selects a variant. */
    public static final String FILTER = "mixup";

    private final String filter;
    private final String description;

    MixupVariant(String filter, String description) {
        this.filter = filter;
        this.description = description;
    }

    /**
     * Returns the value of the zoo's {@value #FILTER} filter for this variant.
     *
     * @return for example {@code "manifold"}
     */
    public String filter() {
        return filter;
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
     * Returns the filter values of every variant, for messages.
     *
     * @return for example {@code "none, input, manifold, manifold-then-plain"}
     */
    public static String known() {
        return Arrays.stream(values()).map(MixupVariant::filter).collect(Collectors.joining(", "));
    }

    /**
     * Returns the variant of a filter value.
     *
     * @param filter one of {@link #known()}
     * @return the variant
     * @throws IllegalArgumentException for another value; the message lists the known ones
     */
    public static MixupVariant of(String filter) {
        for (MixupVariant variant : values()) {
            if (variant.filter.equals(filter)) {
                return variant;
            }
        }
        throw new IllegalArgumentException(
                "Unknown mixup variant '" + filter + "'. Known: " + known() + ".");
    }
}
