/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.robustness.RobustnessReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark application {@code zoo/spark/target/manifold-mixup-spark.jar} as {@code spark-submit}
 * runs it: Spark's entry point {@code org.apache.spark.deploy.SparkSubmit} in its own JVM, with
 * only Spark's jars on the class path (as a Spark installation has them) and the shaded jar as the
 * application, on {@code local[2]}.
 */
class SparkSubmitTest {

    @TempDir Path work;

    @Test
    void sparkSubmitRunsTheShadedJarAndWritesTheReport() throws Exception {
        Path jar = Path.of(System.getProperty("manifoldmixup.spark.jar", "missing"));
        Path classpath = Path.of(System.getProperty("manifoldmixup.spark.classpath", "missing"));
        assertTrue(
                Files.isRegularFile(jar) && Files.isRegularFile(classpath),
                jar + " and " + classpath + " are built by mvn package in zoo/spark");
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.add("-Xmx2g");
        command.addAll(
                Arrays.asList(System.getProperty("manifoldmixup.spark.javaOptions").split(" ")));
        command.addAll(
                List.of(
                        "-cp",
                        Files.readString(classpath, StandardCharsets.UTF_8).trim(),
                        "org.apache.spark.deploy.SparkSubmit",
                        "--master",
                        "local[2]",
                        "--class",
                        "io.github.manifoldmixup.zoo.spark.SparkRobustness",
                        jar.toString(),
                        "--zoo-mixup",
                        "input",
                        "--attacks",
                        "--fgsm-eps",
                        "0.1",
                        "--pgd-images",
                        "0",
                        "--limit",
                        "600",
                        "--partitions",
                        "3",
                        "--out",
                        work.resolve("out").toString()));
        Processes.Result run = Processes.run(work, 10, command);
        assertEquals(0, run.status(), run.both());
        assertTrue(run.out().contains("600 test images in 3 partitions"), run.both());
        RobustnessReport report =
                RobustnessReport.fromJson(
                        Files.readString(work.resolve("out").resolve("input.json")));
        assertEquals(600, report.clean().images());
        assertEquals(600, report.adversarial().get(0).images());
        assertTrue(
                report.adversarial().get(0).accuracy() < report.clean().accuracy(),
                report.toString());
    }
}
