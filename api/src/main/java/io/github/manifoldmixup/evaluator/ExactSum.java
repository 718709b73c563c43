/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.evaluator;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles without rounding error: it keeps the exact sum as a few non-overlapping partial
 * sums (Shewchuk's expansions, the method behind Python's {@code math.fsum}) and rounds once, to
 * the nearest double, when read. The value therefore does not depend on the order in which numbers
 * are added, nor on how they were split between sums that are {@link #add(ExactSum) merged}: the
 * sums of shards of a data set, combined in any order, equal the sum of the whole.
 *
 * <p>Infinite and NaN terms are summed apart and make the value infinite or NaN as ordinary
 * addition would. Not thread-safe.
 */
public final class ExactSum implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Non-overlapping partial sums, by increasing magnitude; their exact sum is the value. */
    private double[] partials = new double[4];

    private int size;

    /** The sum of the infinite and NaN terms, 0 if there is none. */
    private double special;

    /** Creates a sum of no terms. */
    public ExactSum() {}

    /**
     * Adds a number.
     *
     * @param x the term
     */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double y = partials[i];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double high = x + y;
            double low = y - (high - x);
            if (low != 0) {
                partials[kept++] = low;
            }
            x = high;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, 2 * kept);
        }
        partials[kept++] = x;
        size = kept;
    }

    /**
     * Adds every term of another sum; the other is unchanged.
     *
     * @param other the sum to add, may be this one
     */
    public void add(ExactSum other) {
        double[] terms = Arrays.copyOf(other.partials, other.size);
        double otherSpecial = other.special;
        for (double term : terms) {
            add(term);
        }
        if (otherSpecial != 0) { // true for NaN too
            special += otherSpecial;
        }
    }

    /**
     * Returns the sum rounded to the nearest double (ties to even).
     *
     * @return the sum, 0 for no terms
     */
    public double value() {
        if (special != 0) { // true for NaN too
            return special;
        }
        if (size == 0) {
            return 0.0;
        }
        int n = size - 1;
        double high = partials[n];
        double low = 0;
        while (n > 0) {
            double x = high;
            double y = partials[--n];
            high = x + y;
            low = y - (high - x);
            if (low != 0) {
                break;
            }
        }
        // the rounding of high + low was a tie broken the wrong way if the next partial pushes
        // the exact sum past the half-way point
        if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0))) {
            double y = low * 2;
            double x = high + y;
            if (y == x - high) {
                high = x;
            }
        }
        return high;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return Double.toString(value());
    }
}
