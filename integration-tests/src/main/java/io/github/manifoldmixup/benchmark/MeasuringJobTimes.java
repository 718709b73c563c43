/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * A Spark listener (named in {@code spark.extraListeners}) that keeps how long each job that
 * measures partitions took: the part of a Spark run that is the suite's own work.
 */
public final class MeasuringJobTimes extends SparkListener {

    /** The seconds of each measuring job, in order. */
    static final List<Double> SECONDS = new CopyOnWriteArrayList<>();

    private static final Map<Integer, Long> STARTS = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        boolean measuring =
                scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos()).stream()
                        .anyMatch(stage -> stage.name().startsWith("collect at SparkRobustness"));
        if (measuring) {
            STARTS.put(start.jobId(), start.time());
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        Long start = STARTS.remove(end.jobId());
        if (start != null) {
            SECONDS.add((end.time() - start) / 1e3);
        }
    }
}
