/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.Adversarial;
import io.github.manifoldmixup.robustness.RobustnessReport.Clean;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.RobustnessReport.SeverityMean;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robustness figures from two hand-made reports: files, sizes and skipped figures. */
class RobustnessChartsTest {

    @TempDir Path directory;

    @Test
    void writesTheFourFiguresAsPngsOfTheirSize() throws IOException {
        List<RobustnessReport> reports =
                List.of(
                        report("baseline", 0.93, 0.12, true),
                        report("manifold-mixup", 0.94, 0.05, true));

        List<Path> written = RobustnessCharts.write(reports, directory);

        assertEquals(
                List.of(
                        directory.resolve(RobustnessCharts.CORRUPTION_ACCURACY),
                        directory.resolve(RobustnessCharts.CORRUPTION_CALIBRATION),
                        directory.resolve(RobustnessCharts.ADVERSARIAL),
                        directory.resolve(RobustnessCharts.OOD_CONFIDENCE)),
                written);
        // two corruption panels in one row, and the legend strip below
        assertSize(
                written.get(0),
                2 * RobustnessCharts.SMALL_WIDTH,
                RobustnessCharts.SMALL_HEIGHT + Charts.LEGEND_STRIP);
        assertSize(written.get(1), 2 * RobustnessCharts.WIDTH, RobustnessCharts.HEIGHT);
        assertSize(written.get(2), 2 * RobustnessCharts.WIDTH, RobustnessCharts.HEIGHT);
        // one confidence panel per model
        assertSize(
                written.get(3),
                2 * RobustnessCharts.OOD_WIDTH,
                RobustnessCharts.OOD_HEIGHT + Charts.LEGEND_STRIP);
        assertNoTemporaryFiles();
    }

    @Test
    void skipsTheCorruptionFiguresWithoutCorruptions() throws IOException {
        List<RobustnessReport> reports =
                List.of(report("baseline", 0.93, 0.12, false), report("mixup", 0.94, 0.05, false));

        List<Path> written = RobustnessCharts.write(reports, directory);

        assertEquals(
                List.of(
                        directory.resolve(RobustnessCharts.ADVERSARIAL),
                        directory.resolve(RobustnessCharts.OOD_CONFIDENCE)),
                written);
        assertFalse(Files.exists(directory.resolve(RobustnessCharts.CORRUPTION_ACCURACY)));
        assertFalse(Files.exists(directory.resolve(RobustnessCharts.CORRUPTION_CALIBRATION)));
        written.forEach(file -> assertTrue(Files.isRegularFile(file), file.toString()));
        assertNoTemporaryFiles();
    }

    private static void assertSize(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " is missing");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a PNG");
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
        }
    }

    /**
     * A synthetic report: accuracy falling with severity and epsilon, ECE rising with severity, and
     * confident in-distribution predictions against less confident ones on MNIST and noise.
     */
    private static RobustnessReport report(
            String model, double accuracy, double eceGrowth, boolean corrupted) {
        List<Corrupted> corruptions = new ArrayList<>();
        if (corrupted) {
            for (String corruption : List.of("gaussian_noise", "motion_blur")) {
                double drop = corruption.equals("gaussian_noise") ? 0.12 : 0.07;
                for (int severity = 1; severity <= 5; severity++) {
                    corruptions.add(
                            new Corrupted(
                                    corruption,
                                    severity,
                                    1000,
                                    accuracy - drop * severity,
                                    0.3 + 0.2 * severity,
                                    0.02 + eceGrowth * severity / 5,
                                    0.1 + 0.05 * severity));
                }
            }
        }
        List<SeverityMean> means = new ArrayList<>();
        for (int severity = 1; corrupted && severity <= 5; severity++) {
            int s = severity;
            List<Corrupted> at = corruptions.stream().filter(c -> c.severity() == s).toList();
            means.add(
                    new SeverityMean(
                            severity,
                            at.stream().mapToDouble(Corrupted::accuracy).average().orElseThrow(),
                            at.stream().mapToDouble(Corrupted::nll).average().orElseThrow(),
                            at.stream().mapToDouble(Corrupted::ece).average().orElseThrow(),
                            at.stream().mapToDouble(Corrupted::brier).average().orElseThrow()));
        }
        List<Adversarial> adversarial =
                List.of(
                        new Adversarial("fgsm", 2 / 255.0, null, null, 500, accuracy - 0.3),
                        new Adversarial("fgsm", 8 / 255.0, null, null, 500, accuracy - 0.6),
                        new Adversarial("pgd", 2 / 255.0, 10, 0.5 / 255, 500, accuracy - 0.45),
                        new Adversarial("pgd", 8 / 255.0, 10, 2 / 255.0, 500, 0.02));
        List<OutOfDistribution> ood =
                List.of(
                        new OutOfDistribution(
                                "mnist",
                                "max_softmax",
                                1,
                                1000,
                                0.85 + eceGrowth / 2,
                                0.8,
                                0.8,
                                0.4,
                                0.7),
                        new OutOfDistribution(
                                "mnist", "negative_entropy", 1, 1000, 0.8, 0.8, 0.8, 0.4, 0.7));
        Map<String, long[]> histograms = new LinkedHashMap<>();
        histograms.put("in-distribution", histogram(0.95, 0.05, 10000));
        histograms.put("mnist", histogram(0.7, 0.15, 1000));
        histograms.put("gaussian_noise", histogram(0.5 + eceGrowth, 0.1, 1000));
        return new RobustnessReport(
                model,
                new Clean(10000, accuracy, 0.25, 0.03, 0.1, List.of()),
                adversarial,
                corruptions,
                means,
                corrupted ? 0.3 : null,
                null,
                ood,
                histograms);
    }

    /** Counts in 20 bins of a normal distribution's density, clipped to [0, 1]. */
    private static long[] histogram(double mean, double deviation, int images) {
        long[] counts = new long[20];
        double[] density = new double[20];
        double sum = 0;
        for (int b = 0; b < 20; b++) {
            double z = ((b + 0.5) / 20 - mean) / deviation;
            density[b] = Math.exp(-z * z / 2);
            sum += density[b];
        }
        for (int b = 0; b < 20; b++) {
            counts[b] = Math.round(images * density[b] / sum);
        }
        return counts;
    }
}
