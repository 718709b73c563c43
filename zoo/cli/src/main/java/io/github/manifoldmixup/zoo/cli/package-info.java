/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/** The command-line tool (picocli): demo, train, evaluate, zoo list. */
package io.github.manifoldmixup.zoo.cli;
