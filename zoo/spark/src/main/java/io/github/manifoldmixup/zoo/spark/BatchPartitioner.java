/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import org.apache.spark.Partitioner;

/**
 * Puts numbered images into partitions by whole batches, in order: partition {@code p} of {@code P}
 * holds the batches {@code b} of the set's {@code N} with {@code floor(b P / N) = p}, so every
 * partition measures the images in exactly the batches one machine would. The same cut applies to
 * any set of a given size ({@link #range}), so the out-of-distribution sets are shared out in the
 * same way.
 */
final class BatchPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final int batch;
    private final long images;

    /**
     * Creates the partitioner of a set.
     *
     * @param partitions how many partitions are wanted; fewer if the set has fewer batches
     * @param batch the batch size
     * @param images the number of images of the set
     */
    BatchPartitioner(int partitions, int batch, long images) {
        if (partitions < 1 || batch < 1 || images < 1) {
            throw new IllegalArgumentException(
                    "Partitions, batch size and images are positive, got "
                            + partitions
                            + ", "
                            + batch
                            + " and "
                            + images);
        }
        this.batch = batch;
        this.images = images;
        this.partitions = (int) Math.min(partitions, batches(images));
    }

    private long batches(long count) {
        return (count + batch - 1) / batch;
    }

    /** {@inheritDoc} */
    @Override
    public int numPartitions() {
        return partitions;
    }

    /** {@inheritDoc} */
    @Override
    public int getPartition(Object key) {
        long index = (Long) key;
        return (int) (index / batch * partitions / batches(images));
    }

    /**
     * Returns the images of a set of some size that a partition holds.
     *
     * @param partition the partition
     * @param count the number of images of the set
     * @return {@code {from, to}}, the numbers of its first image and of the one after its last
     */
    long[] range(int partition, long count) {
        long batches = batches(count);
        long from = Math.min(count, firstBatch(partition, batches) * batch);
        long to = Math.min(count, firstBatch(partition + 1, batches) * batch);
        return new long[] {from, to};
    }

    /** The first batch {@code b} with {@code floor(b P / N) >= p}: {@code ceil(p N / P)}. */
    private long firstBatch(int partition, long batches) {
        return (partition * batches + partitions - 1) / partitions;
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object other) {
        return other instanceof BatchPartitioner o
                && o.partitions == partitions
                && o.batch == batch
                && o.images == images;
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Long.hashCode(images) * 31 * 31 + batch * 31 + partitions;
    }
}
