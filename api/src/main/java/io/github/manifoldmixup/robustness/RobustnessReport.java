/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness;

import ai.djl.util.JsonUtils;
import com.google.gson.annotations.SerializedName;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.evaluator.Reliability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link RobustnessSuite} measured of one model; {@link #toJson()} gives the JSON that the
 * command line writes and the zoo publishes (field names as below).
 *
 * @param model the model's name
 * @param clean the figures on the clean images
 * @param adversarial accuracy under each attack and epsilon
 * @param corruptions accuracy and calibration for each corruption and severity
 * @param corruptionMeans the means over the corruptions, per severity
 * @param meanCorruptionError the mean error over every corruption and severity (unnormalized, as
 *     CIFAR-10-C papers report it); null without corruptions
 * @param relativeMeanCorruptionError ImageNet-C's mCE against a baseline model (see {@link
 *     #withBaseline}); null until a baseline is given
 * @param ood out-of-distribution detection, per data set and score
 * @param confidenceHistograms counts of the maximum softmax probability in {@value
 *     RobustnessSuite#HISTOGRAM_BINS} equal bins of [0, 1], for the in-distribution images ({@value
 *     RobustnessSuite#IN_DISTRIBUTION}) and each out-of-distribution set
 */
public record RobustnessReport(
        String model,
        Clean clean,
        List<Adversarial> adversarial,
        List<Corrupted> corruptions,
        List<SeverityMean> corruptionMeans,
        Double meanCorruptionError,
        Double relativeMeanCorruptionError,
        List<OutOfDistribution> ood,
        Map<String, long[]> confidenceHistograms) {

    /**
     * Clean accuracy and calibration.
     *
     * @param images the images measured
     * @param accuracy the accuracy
     * @param nll the mean negative log-likelihood
     * @param ece the expected calibration error (15 bins)
     * @param brier the mean Brier score
     * @param reliability the non-empty bins of the ECE, for a reliability diagram; null in reports
     *     written without them
     */
    public record Clean(
            int images,
            double accuracy,
            double nll,
            double ece,
            double brier,
            List<ReliabilityBin> reliability) {

        static Clean of(int images, CalibrationSummary summary) {
            List<ReliabilityBin> bins = new ArrayList<>();
            Reliability reliability = summary.reliability();
            for (int b = 0; b < reliability.bins(); b++) {
                if (reliability.count(b) > 0) {
                    bins.add(
                            new ReliabilityBin(
                                    b,
                                    reliability.count(b),
                                    reliability.meanConfidence(b),
                                    reliability.accuracy(b)));
                }
            }
            return new Clean(
                    images,
                    summary.accuracy(),
                    summary.nll(),
                    summary.ece(),
                    summary.brier(),
                    bins);
        }
    }

    /**
     * One bin of the ECE on the clean images.
     *
     * @param bin the 0-based bin of {@value
     *     io.github.manifoldmixup.evaluator.ExpectedCalibrationError#DEFAULT_BINS}
     * @param images the images whose confidence falls in it
     * @param confidence their mean confidence
     * @param accuracy their accuracy
     */
    public record ReliabilityBin(int bin, long images, double confidence, double accuracy) {}

    /**
     * Accuracy under one attack.
     *
     * @param attack {@code "fgsm"} or {@code "pgd"}
     * @param epsilon the L-infinity radius, in the input's units
     * @param steps PGD's steps; null for FGSM
     * @param stepSize PGD's step size; null for FGSM
     * @param images the images attacked (the first ones of the set)
     * @param accuracy the accuracy on the adversarial images
     */
    public record Adversarial(
            String attack,
            double epsilon,
            Integer steps,
            Double stepSize,
            int images,
            double accuracy) {}

    /**
     * Accuracy and calibration under one corruption.
     *
     * @param corruption the corruption's id, for example {@code "gaussian_noise"}
     * @param severity 1 to 5
     * @param images the images corrupted
     * @param accuracy the accuracy
     * @param nll the mean negative log-likelihood
     * @param ece the expected calibration error (15 bins)
     * @param brier the mean Brier score
     */
    public record Corrupted(
            String corruption,
            int severity,
            int images,
            double accuracy,
            double nll,
            double ece,
            double brier) {}

    /**
     * The means over the corruptions at one severity.
     *
     * @param severity 1 to 5
     * @param accuracy the mean accuracy
     * @param nll the mean NLL
     * @param ece the mean ECE
     * @param brier the mean Brier score
     */
    public record SeverityMean(
            int severity, double accuracy, double nll, double ece, double brier) {}

    /**
     * Out-of-distribution detection of one data set by one score.
     *
     * @param dataset the out-of-distribution set, for example {@code "mnist"}
     * @param score {@code "max_softmax"}, {@code "max_softmax_temperature"} or {@code
     *     "negative_entropy"}
     * @param temperature the temperature the logits were divided by
     * @param images the out-of-distribution images
     * @param auroc the area under the ROC curve (in-distribution positive)
     * @param auprIn the average precision with the in-distribution images positive
     * @param auprOut the average precision with the out-of-distribution images positive
     * @param fpr95 the share of out-of-distribution images accepted at 95% true positive rate
     * @param meanConfidence the mean maximum softmax probability (at this temperature) on the
     *     out-of-distribution images
     */
    public record OutOfDistribution(
            String dataset,
            String score,
            double temperature,
            int images,
            double auroc,
            @SerializedName("aupr_in") double auprIn,
            @SerializedName("aupr_out") double auprOut,
            double fpr95,
            @SerializedName("mean_confidence") double meanConfidence) {}

    /**
     * Returns this report with ImageNet-C's mean corruption error against a baseline: for each
     * corruption the sum of its errors over the severities divided by the baseline's sum, averaged
     * over the corruptions.
     *
     * @param baseline the baseline's report, with the same corruptions and severities
     * @return the report with {@link #relativeMeanCorruptionError} set
     * @throws IllegalArgumentException if the baseline lacks a corruption and severity this report
     *     has, or has no error on one
     */
    public RobustnessReport withBaseline(RobustnessReport baseline) {
        Map<String, double[]> ours = errorSums(corruptions);
        Map<String, double[]> theirs = errorSums(baseline.corruptions);
        if (ours.isEmpty()) {
            throw new IllegalArgumentException(
                    "The report of " + model + " has no corruptions to compare.");
        }
        double sum = 0;
        for (Map.Entry<String, double[]> entry : ours.entrySet()) {
            double[] base = theirs.get(entry.getKey());
            if (base == null || base[1] != entry.getValue()[1]) {
                throw new IllegalArgumentException(
                        "The baseline "
                                + baseline.model
                                + " was not measured on "
                                + entry.getKey()
                                + " at the same severities; measure both with the same"
                                + " corruptions.");
            }
            if (base[0] == 0) {
                throw new IllegalArgumentException(
                        "The baseline " + baseline.model + " makes no error on " + entry.getKey());
            }
            sum += entry.getValue()[0] / base[0];
        }
        return new RobustnessReport(
                model,
                clean,
                adversarial,
                corruptions,
                corruptionMeans,
                meanCorruptionError,
                sum / ours.size(),
                ood,
                confidenceHistograms);
    }

    /** Per corruption: the sum of the errors over its severities, and the sum of the severities. */
    private static Map<String, double[]> errorSums(List<Corrupted> corruptions) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Corrupted c : corruptions) {
            double[] sum = sums.computeIfAbsent(c.corruption(), k -> new double[2]);
            sum[0] += 1 - c.accuracy();
            sum[1] += c.severity();
        }
        return sums;
    }

    /**
     * Computes the per-severity means and the unnormalized mean corruption error.
     *
     * @param corruptions the measured corruptions
     * @return the means, by severity
     */
    static List<SeverityMean> severityMeans(List<Corrupted> corruptions) {
        Map<Integer, List<Corrupted>> bySeverity = new TreeMap<>();
        corruptions.forEach(
                c -> bySeverity.computeIfAbsent(c.severity(), k -> new ArrayList<>()).add(c));
        List<SeverityMean> means = new ArrayList<>();
        bySeverity.forEach(
                (severity, list) ->
                        means.add(
                                new SeverityMean(
                                        severity,
                                        list.stream()
                                                .mapToDouble(Corrupted::accuracy)
                                                .average()
                                                .orElseThrow(),
                                        list.stream()
                                                .mapToDouble(Corrupted::nll)
                                                .average()
                                                .orElseThrow(),
                                        list.stream()
                                                .mapToDouble(Corrupted::ece)
                                                .average()
                                                .orElseThrow(),
                                        list.stream()
                                                .mapToDouble(Corrupted::brier)
                                                .average()
                                                .orElseThrow())));
        return means;
    }

    /**
     * Returns the report as JSON: the fields above, null ones left out.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return JsonUtils.GSON_PRETTY.toJson(this);
    }

    /**
     * Returns reports as one JSON array.
     *
     * @param reports the reports
     * @return pretty-printed JSON
     */
    public static String toJson(List<RobustnessReport> reports) {
        return JsonUtils.GSON_PRETTY.toJson(reports);
    }

    /**
     * Reads reports written by {@link #toJson(List)}.
     *
     * @param json the JSON array
     * @return the reports
     */
    public static List<RobustnessReport> listFromJson(String json) {
        return List.of(
                Objects.requireNonNull(
                        JsonUtils.GSON.fromJson(json, RobustnessReport[].class), "empty reports"));
    }

    /**
     * Reads a report written by {@link #toJson()}.
     *
     * @param json the JSON
     * @return the report
     */
    public static RobustnessReport fromJson(String json) {
        return Objects.requireNonNull(
                JsonUtils.GSON.fromJson(json, RobustnessReport.class), "empty report");
    }
}
