package io.github.manifoldmixup.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.MixupStrategy;
import io.github.manifoldmixup.strategy.TestInterpolationStrategy;
import io.github.manifoldmixup.tracker.CosineWarmUpTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MixingPlannerTest {

    private static final MixupStrategy ONE = new TestInterpolationStrategy();

    private static Spec planner(int points, float alpha, long seed) {
        return new Spec(
                ManifoldMixupTrainingListener.builder()
                        .optStrategy(ONE)
                        .optAlpha(alpha)
                        .optSeed(seed),
                points);
    }

    /** A planner's configuration, given as users give it: through the listener's builder. */
    private record Spec(ManifoldMixupTrainingListener.Builder builder, int points) {

        Spec optLambdaMode(LambdaMode mode) {
            builder.optLambdaMode(mode);
            return this;
        }

        Spec optFoldLambda(boolean fold) {
            builder.optFoldLambda(fold);
            return this;
        }

        Spec optProbability(float probability) {
            builder.optProbability(probability);
            return this;
        }

        Spec optSchedule(Tracker schedule) {
            builder.optAlphaSchedule(schedule);
            return this;
        }

        Spec optOffEpoch(int epoch) {
            builder.optMixingOffEpoch(epoch);
            return this;
        }

        MixingPlanner build() {
            return new MixingPlanner(builder.build().options(), points);
        }
    }

    /** Describes n draws as strings: strategy, point, lambdas; "-" for an unmixed batch. */
    private static List<String> draw(MixingPlanner planner, int n, int batch, int epoch) {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<MixingPlan> plan = planner.next(batch, epoch);
            plans.add(
                    plan.map(
                                    p ->
                                            p.strategyIndex()
                                                    + " "
                                                    + p.pointIndex()
                                                    + " "
                                                    + Arrays.toString(p.lambdas())
                                                    + " "
                                                    + p.seed())
                            .orElse("-"));
        }
        return plans;
    }

    @Test
    void theSameSeedGivesTheSameChoices() {
        assertEquals(
                draw(planner(3, 2f, 42).build(), 50, 8, 0),
                draw(planner(3, 2f, 42).build(), 50, 8, 0));
        assertNotEquals(
                draw(planner(3, 2f, 42).build(), 50, 8, 0),
                draw(planner(3, 2f, 43).build(), 50, 8, 0));
    }

    @Test
    void lambdaFollowsBetaAlphaAlpha() {
        for (float alpha : new float[] {0.2f, 1f, 2f}) {
            MixingPlanner planner = planner(1, alpha, 7).build();
            int n = 40_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                float lambda = planner.next(2, 0).orElseThrow().lambdas()[0];
                assertTrue(lambda >= 0f && lambda <= 1f, "lambda out of [0, 1]: " + lambda);
                sum += lambda;
                squares += lambda * lambda;
            }
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            // Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1))
            assertEquals(0.5, mean, 0.01, "mean for alpha " + alpha);
            assertEquals(1 / (4 * (2.0 * alpha + 1)), variance, 0.005, "variance for " + alpha);
        }
    }

    @Test
    void layersAreDrawnUniformly() {
        MixingPlanner planner = planner(4, 2f, 1).build();
        int[] counts = new int[4];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[planner.next(2, 0).orElseThrow().pointIndex()]++;
        }
        for (int count : counts) {
            assertEquals(n / 4.0, count, n * 0.01);
        }
    }

    @Test
    void elemModeGivesEachExampleItsOwnLambdaAndFoldingKeepsTheOriginalDominant() {
        MixingPlanner elem = planner(1, 1f, 5).optLambdaMode(LambdaMode.ELEM).build();
        float[] lambdas = elem.next(64, 0).orElseThrow().lambdas();
        assertEquals(64, lambdas.length);
        assertTrue(Arrays.stream(toDoubles(lambdas)).distinct().count() > 60, "distinct lambdas");
        MixingPlanner folded =
                planner(1, 1f, 5).optLambdaMode(LambdaMode.ELEM).optFoldLambda(true).build();
        float[] foldedLambdas = folded.next(64, 0).orElseThrow().lambdas();
        for (int i = 0; i < 64; i++) {
            assertTrue(foldedLambdas[i] >= 0.5f);
            assertEquals(Math.max(lambdas[i], 1 - lambdas[i]), foldedLambdas[i], 0f);
        }
        assertEquals(1, planner(1, 1f, 5).build().next(64, 0).orElseThrow().lambdas().length);
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    @Test
    void probabilityZeroNeverMixesAndOneAlwaysDoes() {
        assertTrue(
                draw(planner(2, 1f, 3).optProbability(0f).build(), 200, 4, 0).stream()
                        .allMatch("-"::equals));
        assertTrue(
                draw(planner(2, 1f, 3).optProbability(1f).build(), 200, 4, 0).stream()
                        .noneMatch("-"::equals));
        long mixed =
                draw(planner(2, 1f, 3).optProbability(0.3f).build(), 10_000, 4, 0).stream()
                        .filter(d -> !d.equals("-"))
                        .count();
        assertEquals(3000, mixed, 150);
    }

    @Test
    void strategiesAreDrawnByWeight() {
        MixupStrategy other = new TestInterpolationStrategy();
        MixingPlanner planner =
                new MixingPlanner(
                        ManifoldMixupTrainingListener.builder()
                                .addStrategy(ONE, 3f, 1f)
                                .addStrategy(other, 1f, 0.5f)
                                .addStrategy(other, 0f, 1f)
                                .build()
                                .options(),
                        1);
        int[] counts = new int[3];
        for (int i = 0; i < 20_000; i++) {
            counts[planner.next(2, 0).orElseThrow().strategyIndex()]++;
        }
        assertEquals(15_000, counts[0], 300);
        assertEquals(5_000, counts[1], 300);
        assertEquals(0, counts[2], "a weight of 0 is never drawn");
        assertEquals(0.5f, planner.alpha(1, 0));
    }

    @Test
    void schedulesGiveTheExpectedAlphaPerEpoch() {
        MixingPlanner constant = planner(1, 2f, 0).build();
        assertEquals(2f, constant.alpha(0, 0));
        assertEquals(2f, constant.alpha(0, 100));
        MixingPlanner linear =
                planner(1, 2f, 0)
                        .optSchedule(
                                Tracker.warmUp()
                                        .optWarmUpBeginValue(0f)
                                        .optWarmUpSteps(10)
                                        .setMainTracker(Tracker.fixed(1f))
                                        .build())
                        .build();
        assertEquals(0f, linear.alpha(0, 0));
        assertEquals(1f, linear.alpha(0, 5), 1e-6f);
        assertEquals(2f, linear.alpha(0, 10));
        assertEquals(2f, linear.alpha(0, 30));
        MixingPlanner cosine =
                planner(1, 2f, 0)
                        .optSchedule(
                                CosineWarmUpTracker.builder()
                                        .optBeginValue(0.5f)
                                        .setWarmUpSteps(4)
                                        .build())
                        .build();
        assertEquals(1f, cosine.alpha(0, 0), 1e-6f);
        // factor 0.5 + 0.5 (1 - cos(pi / 4)) / 2 at epoch 1 of 4
        assertEquals(2 * (0.5 + 0.5 * (1 - Math.cos(Math.PI / 4)) / 2), cosine.alpha(0, 1), 1e-6);
        assertEquals(1.5f, cosine.alpha(0, 2), 1e-6f);
        assertEquals(2f, cosine.alpha(0, 4), 1e-6f);
        // alpha scheduled to 0 mixes nothing
        assertEquals("-", draw(linear, 1, 4, 0).get(0));
        assertNotEquals("-", draw(linear, 1, 4, 1).get(0));
    }

    @Test
    void aScheduleFactorOutsideZeroToOneFailsWhenItIsAskedFor() {
        for (float factor : new float[] {-1f, 1.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
            MixingPlanner planner =
                    planner(1, 2f, 0).optSchedule(epoch -> epoch < 3 ? 1f : factor).build();
            assertEquals(1, draw(planner, 1, 4, 2).size());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> planner.next(4, 3));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "The alpha schedule returned the factor "
                                            + factor
                                            + " for epoch 3"),
                    e.getMessage());
        }
    }

    @Test
    void mixingStopsAtTheOffEpoch() {
        MixingPlanner planner = planner(1, 1f, 0).optOffEpoch(3).build();
        assertTrue(draw(planner, 20, 4, 2).stream().noneMatch("-"::equals));
        assertTrue(draw(planner, 20, 4, 3).stream().allMatch("-"::equals));
        assertTrue(draw(planner, 20, 4, 9).stream().allMatch("-"::equals));
    }

    @Test
    void badValuesFailWithAClearMessage() {
        for (float alpha : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> planner(2, alpha, 0).build());
        }
        assertThrows(IllegalArgumentException.class, () -> planner(0, 1f, 0).build());
        IllegalArgumentException probability =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> planner(1, 1f, 0).optProbability(1.5f).build());
        assertTrue(probability.getMessage().contains("must be in [0, 1], got 1.5"));
        IllegalArgumentException weights =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ManifoldMixupTrainingListener.builder()
                                        .addStrategy(ONE, 0f, 1f)
                                        .build());
        assertTrue(weights.getMessage().contains("sum to a positive number"));
        IllegalArgumentException negative =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ManifoldMixupTrainingListener.builder()
                                        .addStrategy(ONE, -1f, 1f)
                                        .build());
        assertTrue(negative.getMessage().contains("non-negative"), negative.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> planner(1, 1f, 0).optOffEpoch(-1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> CosineWarmUpTracker.builder().setWarmUpSteps(0).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        CosineWarmUpTracker.builder()
                                .optBeginValue(Float.NaN)
                                .setWarmUpSteps(2)
                                .build());
    }
}
