/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import java.util.List;

/**
 * A place in a network where hidden states can be mixed: the input, or the output of a child of a
 * {@link ai.djl.nn.SequentialBlock} (possibly nested).
 *
 * @param name the display name: {@code "input"}, a child name such as {@code "04ParallelBlock"}, or
 *     a nested path such as {@code "02SequentialBlock/03Conv2d"}
 * @param path the 0-based child index at each nesting level; empty for the input
 */
public record MixingPoint(String name, List<Integer> path) {

    /** The display name of the input. */
    public static final String INPUT = "input";

    /** The network's input, where Manifold Mixup becomes plain input mixup. */
    public static final MixingPoint INPUT_POINT = new MixingPoint(INPUT, List.of());

    /**
     * Creates a mixing point.
     *
     * @param name the display name
     * @param path the 0-based child index at each nesting level
     */
    public MixingPoint {
        path = List.copyOf(path);
    }

    /**
     * Returns whether this point is the network's input.
     *
     * @return {@code true} for the input
     */
    public boolean isInput() {
        return path.isEmpty();
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name;
    }
}
