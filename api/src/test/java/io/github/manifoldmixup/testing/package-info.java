/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Test support shared by the modules' tests, as DJL's {@code testing} module is: this package alone
 * is packed into {@code manifold-mixup-api}'s test jar.
 */
package io.github.manifoldmixup.testing;
