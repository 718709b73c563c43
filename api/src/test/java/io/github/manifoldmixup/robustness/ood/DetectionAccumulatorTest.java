package io.github.manifoldmixup.robustness.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DetectionAccumulatorTest {

    private static DetectionAccumulator of(float[] in, float[] out) {
        DetectionAccumulator accumulator = new DetectionAccumulator();
        accumulator.addInDistribution(in);
        accumulator.addOutOfDistribution(out);
        return accumulator;
    }

    @Test
    void aSmallCaseWithATieAcrossTheSides() {
        // in = {0.9, 0.8, 0.8, 0.4}, out = {0.8, 0.3, 0.1}: P = 4, N = 3, 12 pairs
        DetectionAccumulator a =
                of(new float[] {0.9f, 0.8f, 0.8f, 0.4f}, new float[] {0.8f, 0.3f, 0.1f});
        assertEquals(4, a.inCount());
        assertEquals(3, a.outCount());
        assertEquals(5, a.distinctScores());
        // AUROC: 0.9 beats 3; each 0.8 beats 0.3 and 0.1 and ties 0.8 (2.5 each); 0.4 beats 2
        // (3 + 2.5 + 2.5 + 2) / 12 = 10 / 12
        assertEquals(10.0 / 12, a.auroc(), 1e-15);
        // AUPR-In, thresholds high to low (in, out) -> (TP, accepted):
        //   0.9 (1, 0) -> (1, 1): 1/4 * 1/1;  0.8 (2, 1) -> (3, 4): 2/4 * 3/4;
        //   0.4 (1, 0) -> (4, 5): 1/4 * 4/5;  0.3 and 0.1 add no recall
        //   = 0.25 + 0.375 + 0.2 = 0.825
        assertEquals(0.825, a.auprIn(), 1e-15);
        // AUPR-Out, thresholds low to high (out, in) -> (TP, flagged):
        //   0.1 (1, 0) -> (1, 1): 1/3 * 1;  0.3 (1, 0) -> (2, 2): 1/3 * 1;  0.4 (0, 1) -> (2, 3);
        //   0.8 (1, 2) -> (3, 6): 1/3 * 3/6;  0.9 (0, 1)
        //   = 1/3 + 1/3 + 1/6 = 5/6
        assertEquals(5.0 / 6, a.auprOut(), 1e-15);
        // FPR95: TPR >= 0.95 needs all 4 in-distribution scores, threshold 0.4, where of the OOD
        // scores only 0.8 is accepted: 1/3
        assertEquals(1.0 / 3, a.fpr95(), 1e-15);
        // TPR 0.5: threshold 0.9 gives 1/4, 0.8 gives 3/4 and accepts the tied OOD 0.8: 1/3
        assertEquals(1.0 / 3, a.fprAtTpr(0.5), 1e-15);
        // TPR 0.25: threshold 0.9 reaches it exactly and accepts no OOD score
        assertEquals(0, a.fprAtTpr(0.25), 0);
    }

    @Test
    void allTiedIsChance() {
        // one threshold: accepting everything, precision 2/3 for in, 1/3 for out
        DetectionAccumulator a = of(new float[] {0.5f, 0.5f}, new float[] {0.5f});
        assertEquals(0.5, a.auroc(), 0);
        assertEquals(2.0 / 3, a.auprIn(), 1e-15);
        assertEquals(1.0 / 3, a.auprOut(), 1e-15);
        assertEquals(1, a.fpr95(), 0);
    }

    @Test
    void perfectSeparationAndSignedZeros() {
        DetectionAccumulator a =
                of(new float[] {1, 2, Float.POSITIVE_INFINITY}, new float[] {-1, 0, -0.0f});
        assertEquals(1, a.auroc(), 0);
        assertEquals(1, a.auprIn(), 0);
        assertEquals(1, a.auprOut(), 0);
        assertEquals(0, a.fpr95(), 0);
        assertEquals(5, a.distinctScores(), "0.0 and -0.0 are one score");
        // reversed: every OOD score above every in-distribution one
        DetectionAccumulator b = of(new float[] {-1, -2}, new float[] {1, 2});
        assertEquals(0, b.auroc(), 0);
        assertEquals(1, b.fpr95(), 0);
        // -0.0 against 0.0 is a tie
        assertEquals(0.5, of(new float[] {0.0f}, new float[] {-0.0f}).auroc(), 0);
    }

    @Test
    void emptySidesAndNaNAreRejected() {
        DetectionAccumulator a = new DetectionAccumulator();
        a.addInDistribution(new float[] {1, 2});
        IllegalStateException e = assertThrows(IllegalStateException.class, a::auroc);
        assertTrue(e.getMessage().contains("0 out-of-distribution"), e.getMessage());
        assertThrows(IllegalStateException.class, a::auprIn);
        assertThrows(IllegalStateException.class, a::auprOut);
        assertThrows(IllegalStateException.class, a::fpr95);
        DetectionAccumulator b = new DetectionAccumulator();
        b.addOutOfDistribution(new float[] {1});
        assertTrue(
                assertThrows(IllegalStateException.class, b::auroc)
                        .getMessage()
                        .contains("0 in-distribution"));

        IllegalArgumentException nan =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> a.addOutOfDistribution(new float[] {0.5f, Float.NaN}));
        assertTrue(nan.getMessage().contains("Score 1"), nan.getMessage());
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertEquals(0, a.outCount(), "a rejected batch adds nothing");
        assertEquals(2, a.distinctScores());

        a.addOutOfDistribution(new float[] {0});
        assertThrows(IllegalArgumentException.class, () -> a.fprAtTpr(0));
        assertThrows(IllegalArgumentException.class, () -> a.fprAtTpr(1.5));
        assertThrows(IllegalArgumentException.class, () -> a.fprAtTpr(Double.NaN));
        assertEquals(0, a.fprAtTpr(1), 0);
    }

    /** Scores rounded to one decimal: many ties within and across the sides. */
    private static float[] rounded(Random random, int n, double mean) {
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.round((mean + 0.6 * random.nextGaussian()) * 10) / 10f;
        }
        return scores;
    }

    private static double bruteAuroc(float[] in, float[] out) {
        double wins = 0;
        for (float s : in) {
            for (float t : out) {
                wins += s > t ? 1 : s == t ? 0.5 : 0;
            }
        }
        return wins / ((double) in.length * out.length);
    }

    private static int countAtLeast(float[] scores, float threshold) {
        int count = 0;
        for (float s : scores) {
            if (s >= threshold) {
                count++;
            }
        }
        return count;
    }

    /** Average precision of positives against negatives, scanning every distinct threshold. */
    private static double bruteAp(float[] positives, float[] negatives) {
        TreeSet<Float> thresholds = new TreeSet<>();
        for (float s : positives) {
            thresholds.add(s);
        }
        for (float s : negatives) {
            thresholds.add(s);
        }
        double ap = 0;
        double previousRecall = 0;
        for (float t : thresholds.descendingSet()) {
            int tp = countAtLeast(positives, t);
            int fp = countAtLeast(negatives, t);
            double recall = (double) tp / positives.length;
            double precision = (double) tp / (tp + fp);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
    }

    private static float[] negated(float[] scores) {
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = -scores[i];
        }
        return out;
    }

    private static double bruteFprAtTpr(float[] in, float[] out, double tpr) {
        float best = Float.NEGATIVE_INFINITY;
        boolean found = false;
        for (float[] side : new float[][] {in, out}) {
            for (float t : side) {
                if ((double) countAtLeast(in, t) / in.length >= tpr && (!found || t > best)) {
                    best = t;
                    found = true;
                }
            }
        }
        assertTrue(found);
        return (double) countAtLeast(out, best) / out.length;
    }

    @Test
    void matchesBruteForceOnRandomTiedScoresAndMergesExactly() {
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            float[] in = rounded(random, 300 + 37 * trial, 0.4);
            float[] out = rounded(random, 200 + 23 * trial, -0.1 * trial);
            DetectionAccumulator one = of(in, out);
            assertTrue(one.distinctScores() < 60, "many ties");

            assertEquals(bruteAuroc(in, out), one.auroc(), 1e-12);
            assertEquals(bruteAp(in, out), one.auprIn(), 1e-12);
            assertEquals(bruteAp(negated(out), negated(in)), one.auprOut(), 1e-12);
            for (double tpr : new double[] {0.95, 0.5, 0.8, 1}) {
                assertEquals(bruteFprAtTpr(in, out, tpr), one.fprAtTpr(tpr), 0, "TPR " + tpr);
            }
            assertEquals(bruteFprAtTpr(in, out, 0.95), one.fpr95(), 0);

            // three shards filled in random order and pieces, merged
            DetectionAccumulator[] shards = {
                new DetectionAccumulator(), new DetectionAccumulator(), new DetectionAccumulator()
            };
            fillShards(random, in, shards, true);
            fillShards(random, out, shards, false);
            DetectionAccumulator merged = new DetectionAccumulator();
            for (DetectionAccumulator shard : shards) {
                merged.merge(shard);
            }
            assertEquals(one.inCount(), merged.inCount());
            assertEquals(one.outCount(), merged.outCount());
            assertEquals(one.distinctScores(), merged.distinctScores());
            assertEquals(one.auroc(), merged.auroc(), 0);
            assertEquals(one.auprIn(), merged.auprIn(), 0);
            assertEquals(one.auprOut(), merged.auprOut(), 0);
            assertEquals(one.fpr95(), merged.fpr95(), 0);
            assertEquals(one.fprAtTpr(0.8), merged.fprAtTpr(0.8), 0);
        }
    }

    private static void fillShards(
            Random random, float[] scores, DetectionAccumulator[] shards, boolean in) {
        List<List<Float>> parts = new ArrayList<>();
        for (int s = 0; s < shards.length; s++) {
            parts.add(new ArrayList<>());
        }
        for (float score : scores) {
            parts.get(random.nextInt(shards.length)).add(score);
        }
        for (int s = 0; s < shards.length; s++) {
            float[] part = new float[parts.get(s).size()];
            for (int i = 0; i < part.length; i++) {
                part[i] = parts.get(s).get(i);
            }
            if (in) {
                shards[s].addInDistribution(part);
            } else {
                shards[s].addOutOfDistribution(part);
            }
        }
    }

    @Test
    void mergingWithItselfDoublesEveryCountAndKeepsTheFigures() {
        DetectionAccumulator a =
                of(new float[] {0.9f, 0.8f, 0.8f, 0.4f}, new float[] {0.8f, 0.3f, 0.1f});
        double auroc = a.auroc();
        double ap = a.auprIn();
        a.merge(a);
        assertEquals(8, a.inCount());
        assertEquals(6, a.outCount());
        assertEquals(auroc, a.auroc(), 1e-15);
        assertEquals(ap, a.auprIn(), 1e-15);
    }
}
