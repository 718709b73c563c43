/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Where a network can be mixed: mixing points, their names and the automatic choice. */
package io.github.manifoldmixup.layer;
