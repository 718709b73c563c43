/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Host-side random draws: which point to mix at and with what coefficient. */
package io.github.manifoldmixup.sampling;
