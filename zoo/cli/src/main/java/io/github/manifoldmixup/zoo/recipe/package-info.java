/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** Training recipes that reproduce the zoo's pretrained networks, with resumable checkpoints. */
package io.github.manifoldmixup.zoo.recipe;
