/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.robustness.RobustnessReport.Adversarial;
import io.github.manifoldmixup.robustness.RobustnessReport.Clean;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.attack.Attack;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.robustness.corruption.Corruptions;
import io.github.manifoldmixup.robustness.ood.DetectionAccumulator;
import io.github.manifoldmixup.robustness.ood.OodScore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a DJL classifier off its test set: on clean images, on every chosen corruption at every
 * chosen severity (accuracy, NLL, ECE, Brier, their means per severity and the mean corruption
 * error), under adversarial attacks, and at telling out-of-distribution images apart (AUROC, AUPR,
 * FPR at 95% TPR for the maximum softmax probability, the same after temperature scaling, and the
 * negative entropy).
 *
 * <p>The model's block must map a batch of images to logits {@code (B, C)} as the head of its
 * output; it runs in inference mode. The test set must yield batches in a fixed order (no
 * shuffling): the corruptions of image {@code i} depend on the seed and {@code i}, and attacks with
 * a limit take the first images. Every array of a batch lives in a sub-manager closed with the
 * batch.
 */
public final class RobustnessSuite {

    /** The number of equal bins of the confidence histograms. */
    public static final int HISTOGRAM_BINS = 20;

    /** The key of the in-distribution images in the confidence histograms. */
    public static final String IN_DISTRIBUTION = "in-distribution";

    private final List<AttackEntry> attacks;
    private final List<Corruption> corruptions;
    private final int[] severities;
    private final Map<String, Dataset> outOfDistribution;
    private final float temperature;
    private final long seed;
    private final int limit;
    private final Progress progress;

    private RobustnessSuite(Builder builder) {
        attacks = List.copyOf(builder.attacks);
        corruptions = List.copyOf(builder.corruptions);
        severities = builder.severities.clone();
        outOfDistribution = new LinkedHashMap<>(builder.outOfDistribution);
        temperature = builder.temperature;
        seed = builder.seed;
        limit = builder.limit;
        progress = builder.progress;
    }

    /**
     * Returns a builder with no attack, corruption or out-of-distribution set.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Measures a model on a labelled test set.
     *
     * @param name the model's name in the report
     * @param model the classifier
     * @param testSet batches of images (in the range the model was trained on) and class labels
     * @return the report
     * @throws IOException if a data set cannot be read
     * @throws TranslateException if a data set cannot be batched
     */
    public RobustnessReport evaluate(String name, Model model, Dataset testSet)
            throws IOException, TranslateException {
        NDManager manager = model.getNDManager().newSubManager();
        try (manager) {
            CleanPass clean = clean(model, testSet, manager);
            List<Adversarial> adversarial = new ArrayList<>();
            for (AttackEntry entry : attacks) {
                adversarial.add(attack(model, testSet, manager, entry));
            }
            List<Corrupted> corrupted = new ArrayList<>();
            for (Corruption corruption : corruptions) {
                for (int severity : severities) {
                    corrupted.add(corrupt(model, testSet, manager, corruption, severity));
                }
            }
            Map<String, long[]> histograms = new LinkedHashMap<>();
            histograms.put(IN_DISTRIBUTION, histogram(clean.confidence));
            List<OutOfDistribution> detection = new ArrayList<>();
            for (Map.Entry<String, Dataset> entry : outOfDistribution.entrySet()) {
                NDList pass = logitsAndLabels(model, entry.getValue(), manager, entry.getKey());
                pass.get(1).close();
                NDArray logits = pass.get(0);
                float[] confidence = OodScore.MAX_SOFTMAX.score(logits, 1f).toFloatArray();
                histograms.put(entry.getKey(), histogram(confidence));
                detection.addAll(detect(entry.getKey(), clean.logits, logits));
                logits.close();
            }
            Double meanError =
                    corrupted.isEmpty()
                            ? null
                            : corrupted.stream()
                                    .mapToDouble(c -> 1 - c.accuracy())
                                    .average()
                                    .orElseThrow();
            return new RobustnessReport(
                    name,
                    Clean.of(clean.images, clean.summary),
                    adversarial,
                    corrupted,
                    RobustnessReport.severityMeans(corrupted),
                    meanError,
                    null,
                    detection,
                    histograms);
        }
    }

    /** The clean pass: its figures, logits and confidences. */
    private record CleanPass(
            int images, CalibrationSummary summary, NDArray logits, float[] confidence) {}

    private CleanPass clean(Model model, Dataset testSet, NDManager manager)
            throws IOException, TranslateException {
        NDList pass = logitsAndLabels(model, testSet, manager, "clean");
        NDArray logits = pass.get(0);
        NDArray labels = pass.get(1);
        CalibrationSummary summary = CalibrationSummary.of(logits, labels);
        float[] confidence = OodScore.MAX_SOFTMAX.score(logits, 1f).toFloatArray();
        labels.close();
        return new CleanPass((int) logits.getShape().get(0), summary, logits, confidence);
    }

    private Adversarial attack(Model model, Dataset testSet, NDManager manager, AttackEntry entry)
            throws IOException, TranslateException {
        // PGD's random start comes from the engine's generator: seeded, a run repeats
        Engine.getInstance().setRandomSeed((int) seed);
        int wanted = Math.min(limit, entry.images);
        begin(entry.attack.toString(), wanted);
        long correct = 0;
        int seen = 0;
        for (Batch batch : testSet.getData(manager)) {
            try (batch;
                    NDManager scope = manager.newSubManager()) {
                int take = Math.min((int) batch.getSize(), wanted - seen);
                NDArray images = first(batch.getData().head(), take, scope);
                NDArray labels = first(batch.getLabels().head(), take, scope);
                NDArray adversarial = entry.attack.perturb(model, images, labels);
                correct += correct(forward(model, adversarial), labels);
                seen += take;
                advance(take);
            }
            if (seen >= wanted) {
                break;
            }
        }
        end();
        Integer steps = null;
        Double stepSize = null;
        if (entry.attack instanceof Pgd pgd) {
            steps = pgd.getSteps();
            stepSize = (double) pgd.getStepSize();
        }
        return new Adversarial(
                entry.attack.getName(),
                entry.attack.getEpsilon(),
                steps,
                stepSize,
                seen,
                (double) correct / seen);
    }

    private Corrupted corrupt(
            Model model, Dataset testSet, NDManager manager, Corruption corruption, int severity)
            throws IOException, TranslateException {
        begin(corruption.id() + " " + severity, limit);
        CalibrationSummary.Accumulator accumulator = new CalibrationSummary.Accumulator();
        int seen = 0;
        for (Batch batch : testSet.getData(manager)) {
            try (batch;
                    NDManager scope = manager.newSubManager()) {
                int take = Math.min((int) batch.getSize(), limit - seen);
                NDArray images = first(batch.getData().head(), take, scope);
                NDArray labels = first(batch.getLabels().head(), take, scope);
                NDArray corrupted = Corruptions.apply(images, corruption, severity, seed, seen);
                accumulator.update(forward(model, corrupted), labels);
                seen += take;
                advance(take);
            }
            if (seen >= limit) {
                break;
            }
        }
        end();
        CalibrationSummary summary = accumulator.summary();
        return new Corrupted(
                corruption.id(),
                severity,
                seen,
                summary.accuracy(),
                summary.nll(),
                summary.ece(),
                summary.brier());
    }

    private List<OutOfDistribution> detect(String dataset, NDArray inLogits, NDArray outLogits) {
        List<OutOfDistribution> results = new ArrayList<>();
        results.add(
                detection(dataset, "max_softmax", OodScore.MAX_SOFTMAX, 1f, inLogits, outLogits));
        if (temperature != 1f) {
            results.add(
                    detection(
                            dataset,
                            "max_softmax_temperature",
                            OodScore.MAX_SOFTMAX,
                            temperature,
                            inLogits,
                            outLogits));
        }
        results.add(
                detection(
                        dataset,
                        OodScore.NEGATIVE_ENTROPY.id(),
                        OodScore.NEGATIVE_ENTROPY,
                        1f,
                        inLogits,
                        outLogits));
        return results;
    }

    private static OutOfDistribution detection(
            String dataset,
            String name,
            OodScore score,
            float t,
            NDArray inLogits,
            NDArray outLogits) {
        DetectionAccumulator accumulator = new DetectionAccumulator();
        accumulator.addInDistribution(score.score(inLogits, t).toFloatArray());
        accumulator.addOutOfDistribution(score.score(outLogits, t).toFloatArray());
        double confidence = OodScore.MAX_SOFTMAX.score(outLogits, t).mean().getFloat();
        return new OutOfDistribution(
                dataset,
                name,
                t,
                (int) accumulator.outCount(),
                accumulator.auroc(),
                accumulator.auprIn(),
                accumulator.auprOut(),
                accumulator.fpr95(),
                confidence);
    }

    /** The logits and labels of a data set's first {@code limit} images, in {@code manager}. */
    private NDList logitsAndLabels(Model model, Dataset dataset, NDManager manager, String what)
            throws IOException, TranslateException {
        begin(what, limit);
        NDList logits = new NDList();
        NDList labels = new NDList();
        int seen = 0;
        for (Batch batch : dataset.getData(manager)) {
            try (batch;
                    NDManager scope = manager.newSubManager()) {
                int take = Math.min((int) batch.getSize(), limit - seen);
                NDArray output = forward(model, first(batch.getData().head(), take, scope));
                output.attach(manager);
                logits.add(output);
                NDArray label = first(batch.getLabels().head(), take, scope).flatten().duplicate();
                label.attach(manager);
                labels.add(label);
                seen += take;
                advance(take);
            }
            if (seen >= limit) {
                break;
            }
        }
        end();
        if (logits.isEmpty()) {
            throw new IllegalArgumentException("The data set '" + what + "' has no images.");
        }
        return new NDList(concat(logits), concat(labels));
    }

    /** The parts joined along the batch, the parts closed. */
    private static NDArray concat(NDList parts) {
        if (parts.size() == 1) {
            return parts.head();
        }
        NDArray all = NDArrays.concat(parts);
        parts.close();
        return all;
    }

    /** The first {@code n} rows of an array, attached to {@code scope}. */
    private static NDArray first(NDArray array, int n, NDManager scope) {
        NDArray rows = n == array.getShape().get(0) ? array : array.get(new NDIndex(":" + n));
        if (rows == array) {
            return array;
        }
        rows.attach(scope);
        return rows;
    }

    private static NDArray forward(Model model, NDArray images) {
        ParameterStore parameters = new ParameterStore(images.getManager(), false);
        return model.getBlock().forward(parameters, new NDList(images), false).head();
    }

    private static long correct(NDArray logits, NDArray labels) {
        return logits.argMax(1)
                .toType(DataType.INT64, false)
                .eq(labels.flatten().toType(DataType.INT64, false))
                .sum()
                .getLong();
    }

    private static long[] histogram(float[] confidence) {
        long[] counts = new long[HISTOGRAM_BINS];
        for (float c : confidence) {
            counts[Math.min(HISTOGRAM_BINS - 1, (int) (c * HISTOGRAM_BINS))]++;
        }
        return counts;
    }

    private void begin(String what, long total) {
        if (progress != null) {
            progress.reset(what, total);
        }
    }

    private void advance(long images) {
        if (progress != null) {
            progress.increment(images);
        }
    }

    private void end() {
        if (progress != null) {
            progress.end();
        }
    }

    /** An attack and how many of the first test images it attacks. */
    private record AttackEntry(Attack attack, int images) {}

    /** Configures a {@link RobustnessSuite}. */
    public static final class Builder {

        private final List<AttackEntry> attacks = new ArrayList<>();
        private final List<Corruption> corruptions = new ArrayList<>();
        private int[] severities = {1, 2, 3, 4, 5};
        private final Map<String, Dataset> outOfDistribution = new LinkedHashMap<>();
        private float temperature = 1f;
        private long seed = 42;
        private int limit = Integer.MAX_VALUE;
        private Progress progress;

        private Builder() {}

        /**
         * Adds an attack on the first images of the test set.
         *
         * @param attack the attack
         * @param images how many of the first test images it attacks
         * @return this builder
         */
        public Builder addAttack(Attack attack, int images) {
            if (attack == null || images < 1) {
                throw new IllegalArgumentException(
                        "An attack needs an Attack and a positive number of images, got "
                                + attack
                                + " on "
                                + images);
            }
            attacks.add(new AttackEntry(attack, images));
            return this;
        }

        /**
         * Adds an attack on every test image.
         *
         * @param attack the attack
         * @return this builder
         */
        public Builder addAttack(Attack attack) {
            return addAttack(attack, Integer.MAX_VALUE);
        }

        /**
         * Sets the corruptions to measure, each at every severity.
         *
         * @param chosen the corruptions
         * @return this builder
         */
        public Builder optCorruptions(List<Corruption> chosen) {
            corruptions.clear();
            corruptions.addAll(chosen);
            return this;
        }

        /**
         * Sets the severities of every corruption (default 1 to 5).
         *
         * @param chosen severities in [1, {@value Corruption#SEVERITIES}]
         * @return this builder
         */
        public Builder optSeverities(int... chosen) {
            for (int severity : chosen) {
                if (severity < 1 || severity > Corruption.SEVERITIES) {
                    throw new IllegalArgumentException(
                            "A severity is 1 to " + Corruption.SEVERITIES + ", got " + severity);
                }
            }
            severities = chosen.clone();
            return this;
        }

        /**
         * Adds an out-of-distribution set; its labels are ignored.
         *
         * @param name its name in the report, for example {@code "mnist"}
         * @param dataset its images, in the range of the test set's
         * @return this builder
         */
        public Builder addOutOfDistribution(String name, Dataset dataset) {
            outOfDistribution.put(name, dataset);
            return this;
        }

        /**
         * Sets the temperature of the temperature-scaled maximum softmax score (for example the one
         * fitted on held-out data); at 1 that score is left out.
         *
         * @param t a positive temperature
         * @return this builder
         */
        public Builder optTemperature(float t) {
            if (!(t > 0) || !Float.isFinite(t)) {
                throw new IllegalArgumentException("A temperature is positive, got " + t);
            }
            temperature = t;
            return this;
        }

        /**
         * Sets the seed of the corruptions and of PGD's random start (default 42).
         *
         * @param s the seed
         * @return this builder
         */
        public Builder optSeed(long s) {
            seed = s;
            return this;
        }

        /**
         * Measures only the first images of every data set.
         *
         * @param images how many
         * @return this builder
         */
        public Builder optLimit(int images) {
            if (images < 1) {
                throw new IllegalArgumentException("The limit is a positive number of images");
            }
            limit = images;
            return this;
        }

        /**
         * Reports progress, for example to a DJL {@code ProgressBar}.
         *
         * @param p the progress
         * @return this builder
         */
        public Builder optProgress(Progress p) {
            progress = p;
            return this;
        }

        /**
         * Builds the suite.
         *
         * @return the suite
         */
        public RobustnessSuite build() {
            return new RobustnessSuite(this);
        }
    }
}
