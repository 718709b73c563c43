/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.zoo.cli.ManifoldMixupCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark job on {@code local[2]} against the single-machine {@code robustness} command, on the
 * first 2,000 Fashion-MNIST test images written out as an image folder.
 */
class SparkRobustnessTest {

    private static final int IMAGES = 2000;

    /**
     * Every part of the suite; PGD (2 steps, to be quick) on the first 1,000 images, which span two
     * partitions: the second draws its random starts where one pass would.
     */
    private static final List<String> SUITE =
            List.of(
                    "--zoo-mixup", "manifold",
                    "--limit", String.valueOf(IMAGES),
                    "--batch", "200",
                    "--corruption", "gaussian_noise,rotate",
                    "--severities", "2,5",
                    "--fgsm-eps", "0.1",
                    "--pgd-eps", "0.1",
                    "--pgd-steps", "2",
                    "--pgd-images", "1000");

    @TempDir static Path temp;

    private static Path folder;

    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeTheTestImagesAsPngs() throws Exception {
        folder = temp.resolve("images");
        FashionMnistImageFolder.write(folder, IMAGES);
    }

    @AfterEach
    void forgetTheListener() {
        System.clearProperty("spark.extraListeners");
    }

    private static List<String> args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private int spark(List<String> args) {
        return SparkRobustness.run(
                args.toArray(String[]::new), new PrintWriter(System.out), new PrintWriter(err));
    }

    private static String json(Path out) throws Exception {
        return Files.readString(out.resolve("robustness.json"), StandardCharsets.UTF_8);
    }

    @Test
    void fourPartitionsOneOfThemRetriedGiveExactlyTheSingleMachineReport() throws Exception {
        Path single = temp.resolve("single");
        CommandLine cli = ManifoldMixupCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        List<String> local = new ArrayList<>(List.of("robustness"));
        local.addAll(args(SUITE, "--out", single.toString()));
        int status = cli.execute(local.toArray(String[]::new));
        assertEquals(0, status, err.toString());

        KillOneMeasuringTask.reset();
        System.setProperty("spark.extraListeners", KillOneMeasuringTask.class.getName());
        Path distributed = temp.resolve("spark");
        assertEquals(
                0,
                spark(
                        args(
                                SUITE,
                                "--master",
                                "local[2]",
                                "--images",
                                folder.toString(),
                                "--partitions",
                                "4",
                                "--out",
                                distributed.toString())),
                err.toString());
        assertTrue(
                KillOneMeasuringTask.KILLED.get() >= 1,
                "a measuring task was killed and run again");

        // accuracy, NLL, ECE and its bins, Brier, FGSM, PGD, corruptions, AUROC, AUPR, FPR95,
        // the histograms: all of it, to the last digit
        assertEquals(json(single), json(distributed));
        RobustnessReport report = RobustnessReport.listFromJson(json(distributed)).get(0);
        assertEquals(IMAGES, report.clean().images());
        assertTrue(report.clean().reliability().size() > 3, report.clean().toString());
        assertEquals(4, report.corruptions().size());
        assertEquals(1000, report.adversarial().get(1).images());
        assertEquals(9, report.ood().size());
        assertTrue(report.ood().get(0).auroc() > 0.5, report.ood().get(0).toString());
    }

    @Test
    void mllibsBinnedDetectionIsCloseToTheExactFigures() throws Exception {
        List<String> oodOnly = args(SUITE, "--ood", "--master", "local[2]", "--partitions", "3");
        Path exact = temp.resolve("exact");
        Path binned = temp.resolve("binned");
        assertEquals(0, spark(args(oodOnly, "--out", exact.toString())), err.toString());
        assertEquals(
                0,
                spark(args(oodOnly, "--binned-detection", "1000", "--out", binned.toString())),
                err.toString());
        RobustnessReport e = RobustnessReport.listFromJson(json(exact)).get(0);
        RobustnessReport b = RobustnessReport.listFromJson(json(binned)).get(0);
        assertEquals(e.clean(), b.clean());
        assertEquals(e.confidenceHistograms().keySet(), b.confidenceHistograms().keySet());
        for (int i = 0; i < e.ood().size(); i++) {
            OutOfDistribution x = e.ood().get(i);
            OutOfDistribution y = b.ood().get(i);
            assertEquals(x.meanConfidence(), y.meanConfidence(), 0, x.toString());
            assertEquals(x.auroc(), y.auroc(), 2e-3, x + " vs " + y);
            assertEquals(x.auprIn(), y.auprIn(), 2e-2, x + " vs " + y);
            assertEquals(x.auprOut(), y.auprOut(), 2e-2, x + " vs " + y);
            assertEquals(x.fpr95(), y.fpr95(), 2e-2, x + " vs " + y);
        }
        assertNotEquals(e.ood(), b.ood(), "binned figures are approximations");
    }

    @Test
    void aFileThatIsNotAnImageFailsTheJobNamingIt() throws Exception {
        Path small = temp.resolve("damaged");
        Files.createDirectories(small.resolve("0"));
        Files.createDirectories(small.resolve("1"));
        Files.copy(
                folder.resolve("9").resolve("00000.png"), small.resolve("0").resolve("00000.png"));
        Files.writeString(small.resolve("1").resolve("00001.png"), "not a PNG");
        Path out = temp.resolve("damaged-out");
        int status =
                spark(
                        List.of(
                                "--zoo-mixup",
                                "none",
                                "--attacks",
                                "--fgsm-eps",
                                "0.1",
                                "--pgd-images",
                                "0",
                                "--master",
                                "local[2]",
                                "--images",
                                small.toString(),
                                "--out",
                                out.toString()));
        assertNotEquals(0, status);
        assertTrue(err.toString().contains("00001.png"), err.toString());
        assertTrue(err.toString().contains("is not an image"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
        assertTrue(!Files.exists(out.resolve("robustness.json")), "nothing written");
    }
}
