/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Figures drawn with JFreeChart and written as PNG files atomically: reliability diagrams,
 * confidence maps, singular-value spectra, learning curves and the robustness suite's figures.
 * Charts are drawn into images, which needs no display.
 */
package io.github.manifoldmixup.zoo.plot;
