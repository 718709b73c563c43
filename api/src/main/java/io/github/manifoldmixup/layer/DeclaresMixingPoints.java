/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import java.util.List;

/**
 * A block whose forward pass has {@link DeclaredMixingPoint}s. The listener looks for this
 * interface on the model's block and on every block below it, selects the points by name with
 * {@code optMixingLayers}, and draws among all of them when no layer is named.
 */
public interface DeclaresMixingPoints {

    /**
     * Returns the points this block's own forward pass passes through.
     *
     * @return the points, in forward order
     */
    List<DeclaredMixingPoint> getDeclaredMixingPoints();
}
