/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import ai.djl.ndarray.NDList;
import ai.djl.util.PairList;

/**
 * A place in a block's own forward pass where Manifold Mixup may mix the hidden state: for networks
 * whose forward pass is code (an {@code AbstractBlock} with several children, a {@code
 * ParallelBlock} at the top) rather than a {@code SequentialBlock} chain.
 *
 * <p>The block keeps one per place, returns them from {@link DeclaresMixingPoints}, and calls
 * {@link #mix} on the hidden state there with the {@code params} its {@code forwardInternal}
 * received:
 *
 * <pre>{@code
 * private final DeclaredMixingPoint joined = DeclaredMixingPoint.named("joined");
 *
 * protected NDList forwardInternal(ParameterStore ps, NDList x, boolean training,
 *         PairList<String, Object> params) {
 *     NDList a = trunkA.forward(ps, x, training, params);
 *     NDList b = trunkB.forward(ps, x, training, params);
 *     NDList h = joined.mix(new NDList(NDArrays.concat(new NDList(a.head(), b.head()), 1)), params);
 *     return head.forward(ps, h, training, params);
 * }
 * }</pre>
 *
 * <p>It is not a block: it has no parameters and is not a child, so declaring points changes
 * neither the parameter names nor the saved file, and weights saved before the points were added
 * load as they are. {@link #mix} returns its argument unchanged at inference, in validation, when
 * no {@code ManifoldMixupTrainingListener} is attached, and whenever the current training forward
 * drew another point; the listener's choice for a forward pass travels in that call's {@code
 * params}, so forwards running in parallel never see each other's.
 */
public final class DeclaredMixingPoint {

    /** The key under which a mixed training forward carries its {@link Mixer} in {@code params}. */
    public static final String MIXER_KEY = "manifoldmixup.mixer";

    private final String name;

    private DeclaredMixingPoint(String name) {
        this.name = name;
    }

    /**
     * Declares a mixing point.
     *
     * @param name the name {@code optMixingLayers} selects it by: unique in the model, not {@code
     *     "input"}, without {@code '/'}
     * @return the point
     * @throws IllegalArgumentException if the name is empty, {@code "input"}, a number or contains
     *     {@code '/'}
     */
    public static DeclaredMixingPoint named(String name) {
        if (name == null
                || name.isBlank()
                || name.contains("/")
                || MixingPoint.INPUT.equals(name)
                || name.matches("[0-9]+")) {
            throw new IllegalArgumentException(
                    "A declared mixing point needs a name that is not empty, not \"input\", not a"
                            + " number and without '/', got "
                            + (name == null ? "null" : "'" + name + "'")
                            + ". Use a word such as \"joined\" or \"trunkA\".");
        }
        return new DeclaredMixingPoint(name);
    }

    /**
     * Returns the point's name.
     *
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * Mixes the hidden state here if the current training forward drew this point.
     *
     * @param hidden the hidden state, a single array with the batch axis first
     * @param params the {@code params} the calling block's {@code forwardInternal} received
     * @return the mixed state, or {@code hidden} itself when this forward does not mix here
     */
    public NDList mix(NDList hidden, PairList<String, Object> params) {
        Object mixer = params == null ? null : params.get(MIXER_KEY);
        return mixer instanceof Mixer m ? m.mixAt(this, hidden) : hidden;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name;
    }

    /** What the listener puts in a mixed training forward's {@code params}. */
    public interface Mixer {

        /**
         * Mixes at a declared point if it is the one drawn for this forward pass.
         *
         * @param point the point being passed
         * @param hidden its hidden state
         * @return the mixed state, or {@code hidden}
         * @throws IllegalStateException if the point is passed twice in one forward pass
         */
        NDList mixAt(DeclaredMixingPoint point, NDList hidden);
    }
}
