/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A Spark listener (named in {@code spark.extraListeners}) that kills the first task of the first
 * stage that measures partitions, as a lost executor would, so that Spark runs that partition
 * again; it counts the killed attempts.
 */
public final class KillOneMeasuringTask extends SparkListener {

    static final AtomicInteger KILLED = new AtomicInteger();
    private static final AtomicBoolean KILL_SENT = new AtomicBoolean();
    private static final Set<Integer> MEASURING = ConcurrentHashMap.newKeySet();

    static void reset() {
        KILLED.set(0);
        KILL_SENT.set(false);
        MEASURING.clear();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        if (submitted.stageInfo().name().startsWith("collect at SparkRobustness")) {
            MEASURING.add(submitted.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        if (MEASURING.contains(start.stageId()) && KILL_SENT.compareAndSet(false, true)) {
            SparkContext.getOrCreate()
                    .killTaskAttempt(start.taskInfo().taskId(), false, "a test kills it once");
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() instanceof TaskKilled) {
            KILLED.incrementAndGet();
        }
    }
}
