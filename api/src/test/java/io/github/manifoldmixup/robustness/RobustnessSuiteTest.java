/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.robustness.corruption.Corruptions;
import io.github.manifoldmixup.robustness.ood.OodScore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite on a hand-set classifier of 8x8 images (the logit of class c is ten times the mean of
 * quadrant c): each figure equals the same measurement made directly on the whole set, batches and
 * limits change nothing, and no array outlives the run.
 */
class RobustnessSuiteTest {

    private static final int IMAGES = 60;

    private Model model;
    private NDArray images;
    private NDArray labels;

    @BeforeEach
    void setUp() {
        model = Model.newInstance("quadrants");
        SequentialBlock block = new SequentialBlock();
        block.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).optBias(false).build());
        model.setBlock(block);
        NDManager manager = model.getNDManager();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
        float[] weight = new float[3 * 64];
        for (int c = 0; c < 3; c++) {
            for (int pixel = 0; pixel < 64; pixel++) {
                weight[c * 64 + pixel] = quadrant(pixel) == c ? 10f / 16 : 0f;
            }
        }
        Parameter w = block.getChildren().get("02Linear").getParameters().get("weight");
        w.getArray().set(manager.create(weight, new Shape(3, 64)).toFloatArray());
        Random random = new Random(7);
        float[] pixels = new float[IMAGES * 64];
        float[] classes = new float[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            classes[i] = i % 3;
            for (int pixel = 0; pixel < 64; pixel++) {
                float base = quadrant(pixel) == i % 3 ? 0.55f : 0.3f;
                pixels[i * 64 + pixel] = base + 0.3f * random.nextFloat();
            }
        }
        images = manager.create(pixels, new Shape(IMAGES, 1, 8, 8));
        labels = manager.create(classes);
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    /** Quadrants 0 (top left), 1 (top right) and 2 (bottom left); 3 votes for no class. */
    private static int quadrant(int pixel) {
        int row = pixel / 8;
        int column = pixel % 8;
        return (row < 4 ? 0 : 2) + (column < 4 ? 0 : 1);
    }

    private ArrayDataset dataset(NDArray data, int batch) {
        return new ArrayDataset.Builder()
                .setData(data)
                .optLabels(labels)
                .setSampling(batch, false)
                .build();
    }

    private NDArray logits(NDArray x) {
        return model.getBlock()
                .forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
                .head();
    }

    private double accuracy(NDArray x, NDArray y) {
        return logits(x)
                        .argMax(1)
                        .toType(DataType.FLOAT32, false)
                        .eq(y)
                        .toType(DataType.FLOAT32, false)
                        .sum()
                        .getFloat()
                / y.size();
    }

    @Test
    void everyFigureEqualsTheDirectMeasurementOnTheWholeSet() throws Exception {
        Fgsm fgsm = Fgsm.builder().optEpsilon(0.15f).build();
        List<Corruption> corruptions = List.of(Corruption.GAUSSIAN_NOISE, Corruption.CONTRAST);
        long arraysBefore = model.getNDManager().getManagedArrays().size();
        RobustnessReport report =
                RobustnessSuite.builder()
                        .addAttack(fgsm)
                        .addAttack(fgsm, 20)
                        .optCorruptions(corruptions)
                        .optSeverities(1, 5)
                        .optSeed(9)
                        .optTemperature(2f)
                        // in the test set's batches: the engine's scores can depend on the batch
                        .addOutOfDistribution("same", dataset(images, 16))
                        .build()
                        .evaluate("quadrants", model, dataset(images, 16));
        // the suite's arrays are gone; only the set-up's remain
        assertEquals(arraysBefore, model.getNDManager().getManagedArrays().size());

        CalibrationSummary clean = CalibrationSummary.of(logits(images), labels);
        assertEquals(IMAGES, report.clean().images());
        assertEquals(clean.accuracy(), report.clean().accuracy(), 0);
        assertEquals(clean.nll(), report.clean().nll(), 1e-6);
        assertEquals(clean.ece(), report.clean().ece(), 1e-6);
        assertEquals(clean.brier(), report.clean().brier(), 1e-6);

        // the same perturbation batch by batch as on the whole set
        assertEquals(
                accuracy(fgsm.perturb(model, images, labels), labels),
                report.adversarial().get(0).accuracy(),
                1e-9);
        assertEquals(IMAGES, report.adversarial().get(0).images());
        NDArray first = images.get(":20");
        assertEquals(
                accuracy(fgsm.perturb(model, first, labels.get(":20")), labels.get(":20")),
                report.adversarial().get(1).accuracy(),
                1e-9);
        assertEquals(20, report.adversarial().get(1).images());

        // corruptions: image i corrupted with (seed, i) whatever the batch
        assertEquals(4, report.corruptions().size());
        for (Corrupted entry : report.corruptions()) {
            NDArray corrupted =
                    Corruptions.apply(
                            images, Corruption.of(entry.corruption()), entry.severity(), 9, 0);
            CalibrationSummary expected = CalibrationSummary.of(logits(corrupted), labels);
            assertEquals(expected.accuracy(), entry.accuracy(), 1e-6, entry.toString());
            assertEquals(expected.nll(), entry.nll(), 1e-5, entry.toString());
            assertEquals(expected.ece(), entry.ece(), 1e-5, entry.toString());
            assertEquals(IMAGES, entry.images());
        }
        double meanError =
                report.corruptions().stream()
                        .mapToDouble(c -> 1 - c.accuracy())
                        .average()
                        .orElseThrow();
        assertEquals(meanError, report.meanCorruptionError(), 1e-12);
        assertEquals(2, report.corruptionMeans().size());
        assertEquals(
                (report.corruptions().get(0).accuracy() + report.corruptions().get(2).accuracy())
                        / 2,
                report.corruptionMeans().get(0).accuracy(),
                1e-12);

        // the test set against itself: nothing to tell apart
        assertEquals(3, report.ood().size());
        for (OutOfDistribution entry : report.ood()) {
            assertEquals(0.5, entry.auroc(), 1e-12, entry.toString());
            assertEquals(IMAGES, entry.images());
        }
        assertEquals("max_softmax_temperature", report.ood().get(1).score());
        assertEquals(
                OodScore.MAX_SOFTMAX.score(logits(images), 2f).mean().getFloat(),
                report.ood().get(1).meanConfidence(),
                1e-6);
        long[] histogram = report.confidenceHistograms().get(RobustnessSuite.IN_DISTRIBUTION);
        assertEquals(IMAGES, Arrays.stream(histogram).sum());
        assertTrue(Arrays.equals(histogram, report.confidenceHistograms().get("same")));

        RobustnessReport read = RobustnessReport.fromJson(report.toJson());
        assertEquals(report.corruptions(), read.corruptions());
        assertEquals(report.ood(), read.ood());
        assertTrue(report.toJson().contains("\"aupr_in\""));
    }

    @Test
    void shardsCutAtBatchesMergeInAnyOrderIntoTheReportOfTheWholeSet() throws Exception {
        NDArray noise = noise(IMAGES);
        RobustnessReport whole =
                shardSuite(noise).evaluate("quadrants", model, dataset(images, 16));

        // three test shards cut at multiples of the batch, out of order; the noise (up to the
        // limit) cut elsewhere
        SuiteAccumulator merged = null;
        int[][] cuts = {{32, 60, 48, 56}, {0, 16, 16, 48}, {16, 32, 0, 16}};
        for (int[] cut : cuts) {
            RobustnessSuite shard = shardSuite(noise.get(cut[2] + ":" + cut[3]));
            SuiteAccumulator part = shard.accumulate(model, slice(images, cut[0], cut[1]), cut[0]);
            if (merged == null) {
                merged = part;
            } else {
                merged.merge(part);
            }
        }
        RobustnessReport fromShards = merged.report("quadrants");
        assertEquals(56, fromShards.clean().images());
        assertEquals(40, fromShards.adversarial().get(0).images());
        assertEquals(56, fromShards.ood().get(0).images());
        assertEquals(whole.toJson(), fromShards.toJson());
    }

    @Test
    void onlyTheAccumulatorsOfOneSuiteMerge() throws Exception {
        SuiteAccumulator plain =
                RobustnessSuite.builder().build().accumulate(model, dataset(images, 16), 0);
        SuiteAccumulator attacked =
                RobustnessSuite.builder()
                        .addAttack(Fgsm.builder().optEpsilon(0.1f).build())
                        .build()
                        .accumulate(model, dataset(images, 16), 0);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> plain.merge(attacked));
        assertTrue(e.getMessage().contains("same attacks"), e.getMessage());
        IllegalArgumentException empty =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                RobustnessSuite.builder()
                                        .optLimit(10)
                                        .build()
                                        .accumulate(model, dataset(images, 16), 10)
                                        .report("nothing"));
        assertEquals("The data set 'clean' has no images.", empty.getMessage());
    }

    /** FGSM on the first 40, PGD, two corruptions, a temperature and a noise set; 56 images. */
    private RobustnessSuite shardSuite(NDArray noise) {
        return RobustnessSuite.builder()
                .addAttack(Fgsm.builder().optEpsilon(0.15f).build(), 40)
                // a random start in every batch: a shard draws on where one pass would be
                .addAttack(
                        Pgd.builder().optEpsilon(0.15f).optSteps(2).optStepSize(0.05f).build(), 56)
                .optCorruptions(List.of(Corruption.GAUSSIAN_NOISE, Corruption.ROTATE))
                .optSeverities(2, 4)
                .optSeed(5)
                .optLimit(56)
                .optTemperature(1.5f)
                .addOutOfDistribution("noise", slice(noise, 0, noise.getShape().get(0)))
                .build();
    }

    private ArrayDataset slice(NDArray data, long from, long to) {
        return new ArrayDataset.Builder()
                .setData(data.get(from + ":" + to))
                .optLabels(labels.get(from + ":" + to))
                .setSampling(16, false)
                .build();
    }

    private NDArray noise(int count) {
        Random random = new Random(3);
        float[] pixels = new float[count * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return model.getNDManager().create(pixels, new Shape(count, 1, 8, 8));
    }

    @Test
    void aLimitMeasuresTheFirstImagesOnly() throws Exception {
        RobustnessReport report =
                RobustnessSuite.builder()
                        .optCorruptions(List.of(Corruption.ROTATE))
                        .optSeverities(3)
                        .optLimit(25)
                        .build()
                        .evaluate("quadrants", model, dataset(images, 16));
        assertEquals(25, report.clean().images());
        assertEquals(25, report.corruptions().get(0).images());
        CalibrationSummary expected =
                CalibrationSummary.of(logits(images.get(":25")), labels.get(":25"));
        assertEquals(expected.accuracy(), report.clean().accuracy(), 0);
    }

    @Test
    void theRelativeMeanCorruptionErrorIsImageNetCs() {
        RobustnessReport ours = report("ours", 0.8, 0.6, 0.9, 0.9);
        RobustnessReport base = report("base", 0.9, 0.9, 0.8, 0.8);
        // corruption a: (0.2 + 0.4) / (0.1 + 0.1) = 3; corruption b: (0.1 + 0.1) / (0.2 + 0.2) =
        // 0.5
        assertEquals(1.75, ours.withBaseline(base).relativeMeanCorruptionError(), 1e-12);
        assertEquals(1.0, base.withBaseline(base).relativeMeanCorruptionError(), 1e-12);
        RobustnessReport partial =
                new RobustnessReport(
                        "partial",
                        null,
                        List.of(),
                        ours.corruptions().subList(0, 2),
                        List.of(),
                        null,
                        null,
                        List.of(),
                        null);
        assertThrows(IllegalArgumentException.class, () -> ours.withBaseline(partial));
    }

    private static RobustnessReport report(
            String name, double a1, double a2, double b1, double b2) {
        List<Corrupted> corruptions =
                List.of(
                        new Corrupted("a", 1, 10, a1, 0, 0, 0),
                        new Corrupted("a", 2, 10, a2, 0, 0, 0),
                        new Corrupted("b", 1, 10, b1, 0, 0, 0),
                        new Corrupted("b", 2, 10, b2, 0, 0, 0));
        return new RobustnessReport(
                name, null, List.of(), corruptions, List.of(), null, null, List.of(), null);
    }
}
