/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The model zoo of pretrained mixup networks (group id {@code io.github.manifoldmixup.zoo}), loaded
 * offline from the jar through DJL's {@code Criteria}: its variants, the Fashion-MNIST network and
 * input they share with the command-line tool, their translators, and their export as standard DJL
 * model directories with a public {@code BlockFactory} and {@code TranslatorFactory}.
 */
package io.github.manifoldmixup.zoo.model;
