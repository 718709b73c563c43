/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import io.github.manifoldmixup.robustness.attack.Attack;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.robustness.corruption.Corruptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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

    /**
     * Held from seeding the engine's random generator to the end of an attack pass: the generator
     * is one per process, so suites measuring in parallel threads (the partitions of a Spark
     * executor, say) attack one at a time and each draws what it would draw alone.
     */
    private static final Object RANDOM_STREAM = new Object();

    /**
     * Runs work that may draw from the engine's random generator (loading a model, which
     * initializes its block, say) while no suite in another thread of this process is attacking, so
     * that the attacks' random starts stay the ones a suite alone draws.
     *
     * @param work the work
     * @param <T> what it returns
     * @return its result
     * @throws Exception what the work throws
     */
    public static <T> T whileNoAttackRuns(Callable<T> work) throws Exception {
        synchronized (RANDOM_STREAM) {
            return work.call();
        }
    }

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
        return accumulate(model, testSet, 0).report(name);
    }

    /**
     * Measures a model on one shard of a labelled test set, and on the out-of-distribution sets
     * this suite was built with; {@link SuiteAccumulator#merge merge} the shards' accumulators and
     * read the {@link SuiteAccumulator#report report}. The shard's images are numbered from {@code
     * firstIndex}, their place in the whole test set: the corruptions of an image depend on the
     * seed and that number, the limit and the attacks' image counts apply to it. For the merged
     * figures to equal one pass over the whole set, cut the shards at multiples of the batch size.
     * The out-of-distribution sets are measured whole (up to the limit), so give each shard's suite
     * its own slice of them, cut at multiples of the batch size too. A random attack (PGD's start)
     * first draws and discards what one pass draws for the images before the shard ({@link
     * Attack#skipRandomness}), so the shards' draws are those of one pass.
     *
     * @param model the classifier
     * @param testShard batches of images and class labels, in the order of the whole set
     * @param firstIndex the number of the shard's first image in the whole test set
     * @return what was measured
     * @throws IOException if a data set cannot be read
     * @throws TranslateException if a data set cannot be batched
     */
    public SuiteAccumulator accumulate(Model model, Dataset testShard, long firstIndex)
            throws IOException, TranslateException {
        if (firstIndex < 0) {
            throw new IllegalArgumentException(
                    "A shard's first index is 0 or more, got " + firstIndex);
        }
        SuiteAccumulator accumulator = newAccumulator();
        NDManager manager = model.getNDManager().newSubManager();
        try (manager) {
            forEachBatch(
                    testShard,
                    manager,
                    firstIndex,
                    limit,
                    "clean",
                    (images, labels, first) ->
                            accumulator.addClean(forward(model, images), labels));
            // PGD's random start comes from the engine's generator: seeded, a run repeats
            for (int a = 0; a < attacks.size(); a++) {
                AttackEntry entry = attacks.get(a);
                int attack = a;
                // one generator per process: suites in parallel threads take turns at attacking
                synchronized (RANDOM_STREAM) {
                    Engine.getInstance().setRandomSeed((int) seed);
                    forEachBatch(
                            testShard,
                            manager,
                            firstIndex,
                            Math.min(limit, entry.images),
                            entry.attack.toString(),
                            (images, labels, first) -> {
                                if (first == firstIndex && first > 0) {
                                    // continue the random stream where one pass would be
                                    entry.attack.skipRandomness(images, first);
                                }
                                NDArray adversarial = entry.attack.perturb(model, images, labels);
                                long correct = correct(forward(model, adversarial), labels);
                                accumulator.addAttacked(
                                        attack, correct, (int) images.getShape().get(0));
                            });
                }
            }
            int c = 0;
            for (Corruption corruption : corruptions) {
                for (int severity : severities) {
                    int index = c++;
                    forEachBatch(
                            testShard,
                            manager,
                            firstIndex,
                            limit,
                            corruption.id() + " " + severity,
                            (images, labels, first) -> {
                                NDArray corrupted =
                                        Corruptions.apply(
                                                images, corruption, severity, seed, first);
                                accumulator.addCorrupted(index, forward(model, corrupted), labels);
                            });
                }
            }
            for (Map.Entry<String, Dataset> entry : outOfDistribution.entrySet()) {
                forEachBatch(
                        entry.getValue(),
                        manager,
                        0,
                        limit,
                        entry.getKey(),
                        (images, labels, first) ->
                                accumulator.addOutOfDistribution(
                                        entry.getKey(), forward(model, images)));
            }
        }
        return accumulator;
    }

    private SuiteAccumulator newAccumulator() {
        List<SuiteAccumulator.AttackSetting> attackSettings = new ArrayList<>();
        for (AttackEntry entry : attacks) {
            Integer steps = null;
            Double stepSize = null;
            if (entry.attack instanceof Pgd pgd) {
                steps = pgd.getSteps();
                stepSize = (double) pgd.getStepSize();
            }
            attackSettings.add(
                    new SuiteAccumulator.AttackSetting(
                            entry.attack.getName(), entry.attack.getEpsilon(), steps, stepSize));
        }
        List<SuiteAccumulator.CorruptionSetting> corruptionSettings = new ArrayList<>();
        for (Corruption corruption : corruptions) {
            for (int severity : severities) {
                corruptionSettings.add(
                        new SuiteAccumulator.CorruptionSetting(corruption.id(), severity));
            }
        }
        return new SuiteAccumulator(
                temperature,
                attackSettings,
                corruptionSettings,
                new ArrayList<>(outOfDistribution.keySet()));
    }

    /** What is done with each batch: images, labels and the number of the first image. */
    @FunctionalInterface
    private interface BatchAction {
        void accept(NDArray images, NDArray labels, long first);
    }

    /**
     * Runs an action on the batches of a data set whose images are numbered from {@code
     * firstIndex}, up to (not including) image number {@code end}; each batch's arrays are closed
     * after it.
     */
    private void forEachBatch(
            Dataset dataset,
            NDManager manager,
            long firstIndex,
            long end,
            String what,
            BatchAction action)
            throws IOException, TranslateException {
        if (firstIndex >= end) {
            return;
        }
        begin(what, end - firstIndex);
        long next = firstIndex;
        for (Batch batch : dataset.getData(manager)) {
            try (batch;
                    NDManager scope = manager.newSubManager()) {
                int take = (int) Math.min(batch.getSize(), end - next);
                NDArray images = first(batch.getData().head(), take, scope);
                NDArray labels = first(batch.getLabels().head(), take, scope);
                action.accept(images, labels, next);
                next += take;
                advance(take);
            }
            if (next >= end) {
                break;
            }
        }
        end();
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
