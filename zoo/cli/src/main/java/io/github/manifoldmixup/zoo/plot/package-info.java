/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Figures drawn with JFreeChart: reliability diagrams, confidence maps, spectra, robustness. */
package io.github.manifoldmixup.zoo.plot;
