/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import io.github.manifoldmixup.strategy.MixupStrategy;

/** A PyTorch strategy that mixes NCHW feature maps: its name, its engine and its shape check. */
abstract class FeatureMapStrategy implements MixupStrategy {

    private final String name;

    FeatureMapStrategy(String name) {
        this.name = name;
    }

    /** {@inheritDoc} */
    @Override
    public final String getName() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public final boolean supports(Engine engine) {
        return PartnerRows.isPyTorch(engine);
    }

    /**
     * Checks that the state is a batch of NCHW feature maps.
     *
     * @param point the mixing point
     * @param hiddenShape its shape
     */
    @Override
    public void validate(String point, Shape hiddenShape) {
        PartnerRows.requireFeatureMaps(name, point, hiddenShape);
    }
}
