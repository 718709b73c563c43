/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * DJL {@link ai.djl.training.tracker.Tracker}s that DJL lacks for mixup schedules: a warm-up along
 * half a cosine (fastai's dynamic mixup).
 */
package io.github.manifoldmixup.tracker;
