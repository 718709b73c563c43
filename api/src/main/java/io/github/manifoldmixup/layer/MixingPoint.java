/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import java.util.List;

/**
 * A place in a network where hidden states can be mixed: the input, the output of a child of a
 * {@link ai.djl.nn.SequentialBlock} (possibly nested), or a {@link DeclaredMixingPoint} of the
 * model's own forward pass.
 *
 * @param name the display name: {@code "input"}, a child name such as {@code "04ParallelBlock"}, a
 *     nested path such as {@code "02SequentialBlock/03Conv2d"}, or a declared point's name
 * @param path the 0-based child index at each nesting level; empty for the input and for a declared
 *     point
 * @param declared whether this is a point the model declares, reached by its forward pass
 */
public record MixingPoint(String name, List<Integer> path, boolean declared) {

    /** The display name of the input. */
    public static final String INPUT = "input";

    /** The network's input, where Manifold Mixup becomes plain input mixup. */
    public static final MixingPoint INPUT_POINT = new MixingPoint(INPUT, List.of());

    /**
     * Creates a mixing point.
     *
     * @param name the display name
     * @param path the 0-based child index at each nesting level
     * @param declared whether the model declares it
     */
    public MixingPoint {
        path = List.copyOf(path);
    }

    /**
     * Creates the input or a {@code SequentialBlock} child boundary.
     *
     * @param name the display name
     * @param path the 0-based child index at each nesting level; empty for the input
     */
    public MixingPoint(String name, List<Integer> path) {
        this(name, path, false);
    }

    /**
     * Returns the point a model declares under a name.
     *
     * @param name the declared point's name
     * @return the mixing point
     */
    public static MixingPoint declared(String name) {
        return new MixingPoint(name, List.of(), true);
    }

    /**
     * Returns whether this point is the network's input.
     *
     * @return {@code true} for the input
     */
    public boolean isInput() {
        return !declared && path.isEmpty();
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name;
    }
}
