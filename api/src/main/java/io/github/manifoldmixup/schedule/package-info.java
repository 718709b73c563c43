/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** How mixing changes with training progress. */
package io.github.manifoldmixup.schedule;
