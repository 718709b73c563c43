/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The training recipes behind the zoo's pretrained networks: {@code train} (every listener option
 * as command-line options, resumable checkpoints), {@code publish} (a finished run measured and
 * written into the zoo's resources) and {@code curves} (the runs' learning curves).
 */
package io.github.manifoldmixup.zoo.recipe;
