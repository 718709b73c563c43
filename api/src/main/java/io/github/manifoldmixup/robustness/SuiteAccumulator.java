/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness;

import ai.djl.ndarray.NDArray;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.evaluator.ExactSum;
import io.github.manifoldmixup.robustness.RobustnessReport.Adversarial;
import io.github.manifoldmixup.robustness.RobustnessReport.Clean;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.ood.DetectionAccumulator;
import io.github.manifoldmixup.robustness.ood.DetectionFigures;
import io.github.manifoldmixup.robustness.ood.OodScore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RobustnessSuite} measured on some of the images: counts, {@link ExactSum exact}
 * sums, reliability bins, histograms and the {@link DetectionAccumulator exact} score counts of the
 * out-of-distribution detectors. Accumulators of disjoint shards of the same data sets, measured by
 * the same suite and {@link #merge merged} in any order, give exactly the {@link #report report} of
 * one pass over all the images, figure for figure, provided each image was measured in the same
 * batch (the engine's arithmetic may depend on the batch).
 *
 * <p>Serializable, so that shards can be measured in other processes (for example the partitions of
 * a Spark job) and merged where the report is written. The detection scores are kept as one count
 * per distinct score value: at most 3 detectors times the images, 16 to 24 bytes per distinct
 * value; the rest is a few kilobytes whatever the number of images. Not thread-safe.
 */
public final class SuiteAccumulator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float temperature;
    private final CalibrationSummary.Accumulator clean = new CalibrationSummary.Accumulator();
    private final long[] cleanHistogram = new long[RobustnessSuite.HISTOGRAM_BINS];
    private final Map<String, DetectionAccumulator> cleanScores = new LinkedHashMap<>();
    private final List<AttackTally> attacks = new ArrayList<>();
    private final List<CorruptionTally> corruptions = new ArrayList<>();
    private final Map<String, OodTally> ood = new LinkedHashMap<>();

    SuiteAccumulator(
            float temperature,
            List<AttackSetting> attackSettings,
            List<CorruptionSetting> corruptionSettings,
            List<String> outOfDistribution) {
        this.temperature = temperature;
        for (Detector detector : detectorList()) {
            cleanScores.put(detector.name, new DetectionAccumulator());
        }
        for (AttackSetting attack : attackSettings) {
            attacks.add(new AttackTally(attack));
        }
        for (CorruptionSetting corruption : corruptionSettings) {
            corruptions.add(new CorruptionTally(corruption));
        }
        for (String name : outOfDistribution) {
            ood.put(name, new OodTally(detectorList()));
        }
    }

    /** An attack as the report names it. */
    record AttackSetting(String attack, double epsilon, Integer steps, Double stepSize)
            implements Serializable {}

    /** A corruption at a severity. */
    record CorruptionSetting(String corruption, int severity) implements Serializable {}

    /** A detection score: its name in the report, the score and the temperature it is read at. */
    private record Detector(String name, OodScore score, float temperature) {}

    private List<Detector> detectorList() {
        List<Detector> detectors = new ArrayList<>();
        detectors.add(new Detector(OodScore.MAX_SOFTMAX.id(), OodScore.MAX_SOFTMAX, 1f));
        if (temperature != 1f) {
            detectors.add(
                    new Detector("max_softmax_temperature", OodScore.MAX_SOFTMAX, temperature));
        }
        detectors.add(new Detector(OodScore.NEGATIVE_ENTROPY.id(), OodScore.NEGATIVE_ENTROPY, 1f));
        return detectors;
    }

    void addClean(NDArray logits, NDArray labels) {
        clean.update(logits, labels);
        Map<String, float[]> scores = scoresOf(logits);
        count(cleanHistogram, scores.get(OodScore.MAX_SOFTMAX.id()));
        scores.forEach((name, batch) -> cleanScores.get(name).addInDistribution(batch));
    }

    /** Each detector's scores of a batch, each computed once. */
    private Map<String, float[]> scoresOf(NDArray logits) {
        Map<String, float[]> scores = new LinkedHashMap<>();
        for (Detector detector : detectorList()) {
            scores.put(
                    detector.name,
                    detector.score.score(logits, detector.temperature).toFloatArray());
        }
        return scores;
    }

    void addAttacked(int attack, long correct, int images) {
        attacks.get(attack).correct += correct;
        attacks.get(attack).images += images;
    }

    void addCorrupted(int corruption, NDArray logits, NDArray labels) {
        corruptions.get(corruption).accumulator.update(logits, labels);
    }

    void addOutOfDistribution(String name, NDArray logits) {
        OodTally tally = ood.get(name);
        Map<String, float[]> scores = scoresOf(logits);
        float[] confidence = scores.get(OodScore.MAX_SOFTMAX.id());
        count(tally.histogram, confidence);
        for (Detector detector : detectorList()) {
            float[] batch = scores.get(detector.name);
            tally.scores.get(detector.name).addOutOfDistribution(batch);
            // the mean maximum softmax probability at the detector's temperature
            float[] meanOf = detector.score == OodScore.MAX_SOFTMAX ? batch : confidence;
            ExactSum sum = tally.confidenceSums.get(detector.name);
            for (float c : meanOf) {
                sum.add(c);
            }
        }
        tally.images += confidence.length;
    }

    private static void count(long[] histogram, float[] confidence) {
        for (float c : confidence) {
            histogram[Math.min(histogram.length - 1, (int) (c * histogram.length))]++;
        }
    }

    /**
     * Adds everything another accumulator measured to this one; the other is unchanged.
     *
     * @param other an accumulator of the same suite, on other images
     * @throws IllegalArgumentException if the other was made by a suite with other attacks,
     *     corruptions, out-of-distribution sets or temperature
     */
    public void merge(SuiteAccumulator other) {
        if (other.temperature != temperature
                || !describe(other.attacks).equals(describe(attacks))
                || !settings(other.corruptions).equals(settings(corruptions))
                || !other.ood.keySet().equals(ood.keySet())) {
            throw new IllegalArgumentException(
                    "Only the accumulators of one suite merge: build every shard's suite with the"
                            + " same attacks, corruptions, out-of-distribution sets and"
                            + " temperature");
        }
        clean.merge(other.clean);
        add(cleanHistogram, other.cleanHistogram);
        other.cleanScores.forEach((name, scores) -> cleanScores.get(name).merge(scores));
        for (int i = 0; i < attacks.size(); i++) {
            attacks.get(i).correct += other.attacks.get(i).correct;
            attacks.get(i).images += other.attacks.get(i).images;
        }
        for (int i = 0; i < corruptions.size(); i++) {
            corruptions.get(i).accumulator.merge(other.corruptions.get(i).accumulator);
        }
        other.ood.forEach((name, tally) -> ood.get(name).merge(tally));
    }

    private static List<AttackSetting> describe(List<AttackTally> tallies) {
        return tallies.stream().map(t -> t.setting).toList();
    }

    private static List<CorruptionSetting> settings(List<CorruptionTally> tallies) {
        return tallies.stream().map(t -> t.setting).toList();
    }

    private static void add(long[] to, long[] from) {
        for (int i = 0; i < to.length; i++) {
            to[i] += from[i];
        }
    }

    /**
     * Returns the figures of every image measured.
     *
     * @param model the model's name in the report
     * @return the report, with exact detection figures
     * @throws IllegalArgumentException if no test image, or no image of an out-of-distribution set,
     *     was measured
     * @throws IllegalStateException if the detection scores were {@link #dropDetectionScores
     *     dropped}
     */
    public RobustnessReport report(String model) {
        return report(
                model, (set, detector) -> DetectionFigures.of(detectionScores(set, detector)));
    }

    /** Where the detection figures of a report come from. */
    @FunctionalInterface
    public interface DetectionSource {

        /**
         * Returns the figures of a detector on an out-of-distribution set.
         *
         * @param set the set's name, one of {@link #outOfDistributionSets()}
         * @param detector the detector's name, one of {@link #detectors()}
         * @return the figures
         */
        DetectionFigures of(String set, String detector);
    }

    /**
     * Returns the names of the out-of-distribution sets, in the order of the report.
     *
     * @return the names
     */
    public List<String> outOfDistributionSets() {
        return List.copyOf(ood.keySet());
    }

    /**
     * Returns the names of the detection scores, as the report names them: {@code max_softmax},
     * {@code max_softmax_temperature} (at a temperature other than 1) and {@code negative_entropy}.
     *
     * @return the names
     */
    public List<String> detectors() {
        return detectorList().stream().map(Detector::name).toList();
    }

    /**
     * Returns a detector's scores on the test images and on one out-of-distribution set.
     *
     * @param set the set's name
     * @param detector the detector's name
     * @return a new accumulator holding both sides' scores
     * @throws IllegalArgumentException for an unknown set or detector
     */
    public DetectionAccumulator detectionScores(String set, String detector) {
        OodTally tally = ood.get(set);
        if (tally == null || !cleanScores.containsKey(detector)) {
            throw new IllegalArgumentException(
                    "No scores of detector '"
                            + detector
                            + "' on set '"
                            + set
                            + "'; the sets are "
                            + ood.keySet()
                            + " and the detectors "
                            + detectors());
        }
        DetectionAccumulator both = new DetectionAccumulator();
        both.merge(cleanScores.get(detector));
        both.merge(tally.scores.get(detector));
        return both;
    }

    /**
     * Drops the detection scores, keeping every count and sum: what is left is a few kilobytes, and
     * the report then needs detection figures from elsewhere ({@link #report(String,
     * DetectionSource)}).
     */
    public void dropDetectionScores() {
        cleanScores.replaceAll((name, scores) -> new DetectionAccumulator());
        for (OodTally tally : ood.values()) {
            tally.scores.replaceAll((name, scores) -> new DetectionAccumulator());
        }
    }

    /**
     * Returns the figures of every image measured, with detection figures from a source.
     *
     * @param model the model's name in the report
     * @param figures the detection figures of each set and detector
     * @return the report
     * @throws IllegalArgumentException if no test image, or no image of an out-of-distribution set,
     *     was measured
     */
    public RobustnessReport report(String model, DetectionSource figures) {

        requireImages("clean", clean.count());
        List<Adversarial> adversarial = new ArrayList<>();
        for (AttackTally tally : attacks) {
            AttackSetting d = tally.setting;
            adversarial.add(
                    new Adversarial(
                            d.attack(),
                            d.epsilon(),
                            d.steps(),
                            d.stepSize(),
                            Math.toIntExact(tally.images),
                            (double) tally.correct / tally.images));
        }
        List<Corrupted> corrupted = new ArrayList<>();
        for (CorruptionTally tally : corruptions) {
            CalibrationSummary summary = tally.accumulator.summary();
            corrupted.add(
                    new Corrupted(
                            tally.setting.corruption(),
                            tally.setting.severity(),
                            Math.toIntExact(tally.accumulator.count()),
                            summary.accuracy(),
                            summary.nll(),
                            summary.ece(),
                            summary.brier()));
        }
        Map<String, long[]> histograms = new LinkedHashMap<>();
        histograms.put(RobustnessSuite.IN_DISTRIBUTION, cleanHistogram.clone());
        List<OutOfDistribution> detection = new ArrayList<>();
        for (Map.Entry<String, OodTally> entry : ood.entrySet()) {
            OodTally tally = entry.getValue();
            requireImages(entry.getKey(), tally.images);
            histograms.put(entry.getKey(), tally.histogram.clone());
            for (Detector detector : detectorList()) {
                DetectionFigures d = figures.of(entry.getKey(), detector.name);
                detection.add(
                        new OutOfDistribution(
                                entry.getKey(),
                                detector.name,
                                detector.temperature,
                                Math.toIntExact(tally.images),
                                d.auroc(),
                                d.auprIn(),
                                d.auprOut(),
                                d.fpr95(),
                                tally.confidenceSums.get(detector.name).value() / tally.images));
            }
        }
        Double meanError =
                corrupted.isEmpty()
                        ? null
                        : corrupted.stream()
                                .mapToDouble(c -> 1 - c.accuracy())
                                .average()
                                .orElseThrow();
        return new RobustnessReport(
                model,
                Clean.of(Math.toIntExact(clean.count()), clean.summary()),
                adversarial,
                corrupted,
                RobustnessReport.severityMeans(corrupted),
                meanError,
                null,
                detection,
                histograms);
    }

    private static void requireImages(String dataset, long images) {
        if (images == 0) {
            throw new IllegalArgumentException("The data set '" + dataset + "' has no images.");
        }
    }

    /** The images attacked by one attack and how many were still classified right. */
    private static final class AttackTally implements Serializable {
        private static final long serialVersionUID = 1L;
        private final AttackSetting setting;
        private long correct;
        private long images;

        AttackTally(AttackSetting setting) {
            this.setting = Objects.requireNonNull(setting);
        }
    }

    /** The figures of one corruption at one severity. */
    private static final class CorruptionTally implements Serializable {
        private static final long serialVersionUID = 1L;
        private final CorruptionSetting setting;
        private final CalibrationSummary.Accumulator accumulator =
                new CalibrationSummary.Accumulator();

        CorruptionTally(CorruptionSetting setting) {
            this.setting = Objects.requireNonNull(setting);
        }
    }

    /** The scores, confidences and histogram of one out-of-distribution set. */
    private static final class OodTally implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] histogram = new long[RobustnessSuite.HISTOGRAM_BINS];
        private final Map<String, DetectionAccumulator> scores = new LinkedHashMap<>();
        private final Map<String, ExactSum> confidenceSums = new LinkedHashMap<>();
        private long images;

        OodTally(List<Detector> detectors) {
            for (Detector detector : detectors) {
                scores.put(detector.name, new DetectionAccumulator());
                confidenceSums.put(detector.name, new ExactSum());
            }
        }

        void merge(OodTally other) {
            add(histogram, other.histogram);
            other.scores.forEach((name, s) -> scores.get(name).merge(s));
            other.confidenceSums.forEach((name, s) -> confidenceSums.get(name).add(s));
            images += other.images;
        }
    }
}
