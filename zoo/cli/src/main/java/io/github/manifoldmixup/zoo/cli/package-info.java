/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The command-line tool (picocli, {@code manifold-mixup.jar}): {@link
 * io.github.manifoldmixup.zoo.cli.ManifoldMixupCommand} with the subcommands {@code demo}, {@code
 * evaluate}, {@code robustness} (with its tables), {@code flattening} and {@code zoo list} / {@code
 * zoo export} defined here, and {@code train}, {@code publish} and {@code curves} from the {@code
 * recipe} package; the two ways the commands load a Fashion-MNIST network (from the zoo by name, or
 * saved parameters).
 */
package io.github.manifoldmixup.zoo.cli;
