package io.github.manifoldmixup.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixingPlannerTest {

    private static List<MixingPlan> draw(MixingPlanner planner, int n) {
        List<MixingPlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plans.add(planner.next());
        }
        return plans;
    }

    @Test
    void theSameSeedGivesTheSameLayersAndLambdas() {
        assertEquals(
                draw(new MixingPlanner(3, 2f, 42), 50), draw(new MixingPlanner(3, 2f, 42), 50));
        assertNotEquals(
                draw(new MixingPlanner(3, 2f, 42), 50), draw(new MixingPlanner(3, 2f, 43), 50));
    }

    @Test
    void lambdaFollowsBetaAlphaAlpha() {
        for (float alpha : new float[] {0.2f, 1f, 2f}) {
            MixingPlanner planner = new MixingPlanner(1, alpha, 7);
            int n = 40_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                float lambda = planner.next().lambda();
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
        MixingPlanner planner = new MixingPlanner(4, 2f, 1);
        int[] counts = new int[4];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[planner.next().pointIndex()]++;
        }
        for (int count : counts) {
            assertEquals(n / 4.0, count, n * 0.01);
        }
    }

    @Test
    void alphaMustBePositiveAndFinite() {
        for (float alpha : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new MixingPlanner(2, alpha, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> new MixingPlanner(0, 1f, 0));
    }
}
