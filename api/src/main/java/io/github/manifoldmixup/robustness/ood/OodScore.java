/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.ood;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Locale;

/**
 * Scores of how in-distribution an input looks from its logits: higher means "more
 * in-distribution". Both use the tempered probabilities {@code p = softmax(z / T)} ({@code T = 1}
 * for plain softmax).
 */
public enum OodScore {

    /** The maximum softmax probability {@code max_c p_c} (Hendrycks and Gimpel 2017). */
    MAX_SOFTMAX("max_softmax"),

    /**
     * The negative entropy {@code sum_c p_c log p_c}, in {@code [-log C, 0]}. Its id is {@code
     * "negative_entropy"}; {@link #fromId} also accepts {@code "entropy"} for it, since the score
     * is the entropy with the sign that makes higher mean more in-distribution.
     */
    NEGATIVE_ENTROPY("negative_entropy");

    private final String id;

    OodScore(String id) {
        this.id = id;
    }

    /**
     * Returns the score's id, as used in configuration and reports.
     *
     * @return {@code "max_softmax"} or {@code "negative_entropy"}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the score with the given id, ignoring case: {@code "max_softmax"} (or {@code "msp"})
     * and {@code "negative_entropy"} (or {@code "entropy"}).
     *
     * @param id the id
     * @return the score
     * @throws IllegalArgumentException for an unknown id
     */
    public static OodScore fromId(String id) {
        switch (id == null ? "" : id.toLowerCase(Locale.ROOT)) {
            case "max_softmax":
            case "msp":
                return MAX_SOFTMAX;
            case "negative_entropy":
            case "entropy":
                return NEGATIVE_ENTROPY;
            default:
                throw new IllegalArgumentException(
                        "Unknown OOD score '"
                                + id
                                + "', expected max_softmax (msp) or negative_entropy (entropy)");
        }
    }

    /**
     * Scores each row of logits.
     *
     * @param logits shape {@code (B, C)}
     * @param temperature the temperature {@code T}, positive and finite; 1 for plain softmax
     * @return shape {@code (B)}, a new array on the logits' manager (no other array stays alive)
     * @throws IllegalArgumentException if the logits are not two-dimensional or the temperature is
     *     not positive and finite
     */
    public NDArray score(NDArray logits, float temperature) {
        if (logits.getShape().dimension() != 2) {
            throw new IllegalArgumentException(
                    "OOD scores need logits of shape (batch, classes), got " + logits.getShape());
        }
        if (!(temperature > 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "The temperature must be positive and finite, got " + temperature);
        }
        NDManager target = logits.getManager();
        try (NDManager sub = target.newSubManager()) {
            NDArray z = logits.duplicate();
            z.attach(sub);
            NDArray logP = (temperature == 1 ? z : z.div(temperature)).logSoftmax(1);
            NDArray result =
                    this == MAX_SOFTMAX
                            ? logP.max(new int[] {1}).exp()
                            : logP.exp().mul(logP).sum(new int[] {1});
            result.attach(target);
            return result;
        }
    }
}
