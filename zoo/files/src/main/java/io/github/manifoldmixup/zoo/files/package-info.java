/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Atomic writes for the zoo's modules: a file or a directory is written beside its destination and
 * renamed into place once complete, so that a reader (or a later run after a crash) sees the old
 * content or the new, never half of one.
 */
package io.github.manifoldmixup.zoo.files;
