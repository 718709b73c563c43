/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import io.github.manifoldmixup.robustness.SuiteAccumulator;
import io.github.manifoldmixup.robustness.ood.DetectionFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Detection figures from Spark MLlib's {@link BinaryClassificationMetrics} with a fixed number of
 * bins: the scores stay in the partitions, each distinct value as a weighted (score, label, count)
 * row, and only the binned curves reach the driver. AUROC and AUPR-In come from the scores,
 * AUPR-Out from the negated scores with the labels swapped, FPR95 from the binned ROC curve.
 * MLlib's AUPR is the trapezoidal area under its precision-recall curve, not the average precision
 * of the exact figures, and its bins merge neighbouring thresholds: the figures are approximations,
 * measured against the exact ones in {@code docs/benchmarks.md}.
 */
final class BinnedDetection {

    private BinnedDetection() {}

    /**
     * Computes every detector's figures on every out-of-distribution set.
     *
     * @param partitions the partitions' accumulators, with their scores
     * @param layout any accumulator of the suite: the names of its sets and detectors
     * @param bins MLlib's number of bins
     * @return the figures by set and detector
     */
    static SuiteAccumulator.DetectionSource figures(
            JavaRDD<SuiteAccumulator> partitions, SuiteAccumulator layout, int bins) {
        Map<String, DetectionFigures> figures = new HashMap<>();
        for (String set : layout.outOfDistributionSets()) {
            for (String detector : layout.detectors()) {
                JavaRDD<Tuple3<Double, Double, Double>> weighted =
                        partitions.flatMap(part -> rows(part, set, detector).iterator());
                BinaryClassificationMetrics in =
                        new BinaryClassificationMetrics(weighted.rdd(), bins);
                BinaryClassificationMetrics out =
                        new BinaryClassificationMetrics(
                                weighted.map(r -> new Tuple3<>(-r._1(), 1 - r._2(), r._3())).rdd(),
                                bins);
                figures.put(
                        set + "/" + detector,
                        new DetectionFigures(
                                in.areaUnderROC(),
                                in.areaUnderPR(),
                                out.areaUnderPR(),
                                fprAt95(in)));
                in.unpersist();
                out.unpersist();
            }
        }
        return (set, detector) -> figures.get(set + "/" + detector);
    }

    /** One weighted row per distinct score and side: label 1 in-distribution, 0 not. */
    private static List<Tuple3<Double, Double, Double>> rows(
            SuiteAccumulator part, String set, String detector) {
        List<Tuple3<Double, Double, Double>> rows = new ArrayList<>();
        part.detectionScores(set, detector)
                .forEachScore(
                        (score, in, out) -> {
                            if (in > 0) {
                                rows.add(new Tuple3<>((double) score, 1.0, (double) in));
                            }
                            if (out > 0) {
                                rows.add(new Tuple3<>((double) score, 0.0, (double) out));
                            }
                        });
        return rows;
    }

    /** The lowest false positive rate of the binned ROC curve where the TPR reaches 0.95. */
    private static double fprAt95(BinaryClassificationMetrics metrics) {
        double best = 1;
        for (Tuple2<Object, Object> point : metrics.roc().toJavaRDD().collect()) {
            double fpr = (Double) point._1();
            double tpr = (Double) point._2();
            if (tpr >= 0.95 && fpr < best) {
                best = fpr;
            }
        }
        return best;
    }
}
