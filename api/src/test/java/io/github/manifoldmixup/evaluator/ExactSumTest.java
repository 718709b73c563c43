/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    private static double sum(List<Double> terms) {
        ExactSum sum = new ExactSum();
        terms.forEach(sum::add);
        return sum.value();
    }

    @Test
    void cancellationAndTenthsComeOutExact() {
        assertEquals(1.0, sum(List.of(1e16, 1.0, -1e16)), 0);
        assertEquals(1.0, sum(Collections.nCopies(10, 0.1)), 0);
        assertEquals(0.0, sum(List.of()), 0);
        assertEquals(1e-300, sum(List.of(1e300, 1e-300, -1e300)), 0);
        // the naive sums, for contrast
        assertEquals(0.0, 1e16 + 1.0 - 1e16, 0);
        double tenths = 0;
        for (int i = 0; i < 10; i++) {
            tenths += 0.1;
        }
        assertTrue(tenths != 1.0);
    }

    @Test
    void theValueIsTheExactSumRoundedToTheNearestDoubleInEveryOrderAndSplit() {
        Random random = new Random(11);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double magnitude = Math.pow(10, random.nextInt(40) - 20);
            terms.add((random.nextDouble() - 0.5) * magnitude);
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (double t : terms) {
            exact = exact.add(new BigDecimal(t));
        }
        double value = sum(terms);
        BigDecimal error = new BigDecimal(value).subtract(exact).abs();
        assertTrue(error.compareTo(new BigDecimal(Math.nextUp(value)).subtract(exact).abs()) <= 0);
        assertTrue(
                error.compareTo(new BigDecimal(Math.nextDown(value)).subtract(exact).abs()) <= 0);

        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(terms, random);
            int cut = random.nextInt(terms.size());
            ExactSum first = new ExactSum();
            ExactSum second = new ExactSum();
            terms.subList(0, cut).forEach(first::add);
            terms.subList(cut, terms.size()).forEach(second::add);
            second.add(first);
            assertEquals(value, second.value(), 0);
        }
    }

    @Test
    void aHalfWayTieRoundsToEven() {
        // 1 + 2^-53 is half-way between 1 and the next double; the extra 2^-80 tips it up
        double half = Math.ulp(1.0) / 2;
        assertEquals(1.0, sum(List.of(1.0, half)), 0);
        assertEquals(Math.nextUp(1.0), sum(List.of(1.0, half, Math.scalb(1.0, -80))), 0);
        assertEquals(1.0, sum(List.of(1.0, half, -Math.scalb(1.0, -80))), 0);
    }

    @Test
    void infiniteAndNanTermsActAsInOrdinaryAddition() {
        assertEquals(Double.POSITIVE_INFINITY, sum(List.of(1.0, Double.POSITIVE_INFINITY)), 0);
        assertTrue(Double.isNaN(sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))));
        ExactSum nan = new ExactSum();
        nan.add(Double.NaN);
        ExactSum merged = new ExactSum();
        merged.add(2.0);
        merged.add(nan);
        assertTrue(Double.isNaN(merged.value()));
    }

    @Test
    void aSumMergedWithItselfDoubles() {
        ExactSum sum = new ExactSum();
        sum.add(0.1);
        sum.add(0.2);
        sum.add(sum);
        assertEquals(0.6000000000000001, sum.value(), 0);
    }
}
