/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * The robustness suite as an Apache Spark application ({@link
 * io.github.manifoldmixup.zoo.spark.SparkRobustness}): the test images in partitions of whole
 * batches, one model per partition, and the partitions' figures merged exactly.
 */
package io.github.manifoldmixup.zoo.spark;
