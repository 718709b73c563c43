/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A classification loss on logits against soft targets: the mixed target {@code T = w * t(y) + (1 -
 * w) * t(y[p])}, where {@code t} is the one-hot class (sparse labels) or the label itself (dense
 * labels), smoothed as {@code t = (1 - e) t + e / C} with label smoothing {@code e}. {@code w} may
 * be one weight per batch or one per example, so this loss serves every strategy and lambda mode.
 *
 * <p>Two forms, which are not equivalent:
 *
 * <ul>
 *   <li>{@link #crossEntropy()}: {@code -(1/B) sum_i sum_c T[i,c] log softmax(z_i)[c]}, the usual
 *       soft-target cross-entropy (timm's {@code SoftTargetCrossEntropy}).
 *   <li>{@link #softmaxBinaryCrossEntropy()}: {@code -(1/(B C)) sum_i sum_c (T log p + (1 - T)
 *       log(1 - p))} with {@code p = softmax(z)}, what the paper's own code trains with. It
 *       averages over classes as well, so its gradients are about {@code C} times smaller than
 *       cross-entropy's: learning rates tuned for one do not carry over to the other.
 * </ul>
 */
public final class SoftTargetLoss extends MixupLoss {

    private static final float PROBABILITY_FLOOR = 1e-7f;

    private final boolean binary;
    private final float labelSmoothing;

    private SoftTargetLoss(Builder builder) {
        super(builder.name);
        binary = builder.binary;
        labelSmoothing = builder.labelSmoothing;
    }

    /**
     * Returns a builder of soft-target cross-entropy, named {@code "SoftTargetCrossEntropy"}.
     *
     * @return a new builder
     */
    public static Builder crossEntropy() {
        return new Builder("SoftTargetCrossEntropy", false);
    }

    /**
     * Returns a builder of binary cross-entropy on softmax outputs (the paper's code), named {@code
     * "SoftmaxBinaryCrossEntropy"}.
     *
     * @return a new builder
     */
    public static Builder softmaxBinaryCrossEntropy() {
        return new Builder("SoftmaxBinaryCrossEntropy", true);
    }

    /**
     * Returns {@code true}: soft targets take one weight per example.
     *
     * @return {@code true}
     */
    @Override
    public boolean supportsPerExampleWeights() {
        return true;
    }

    /**
     * Returns the label smoothing.
     *
     * @return {@code e} in {@code [0, 1)}
     */
    public float getLabelSmoothing() {
        return labelSmoothing;
    }

    @Override
    protected NDArray evaluateUnmixed(NDList labels, NDList predictions) {
        NDArray logits = predictions.head();
        return lossAgainst(logits, target(labels.head(), logits));
    }

    @Override
    protected NDArray evaluateMixed(NDList labels, NDList predictions, MixingRecord record) {
        NDArray logits = predictions.head();
        NDArray own = target(labels.head(), logits);
        NDArray partner = own.get(record.permutation());
        NDArray weight = record.targetWeight();
        if (weight.getShape().dimension() > 0) {
            weight = weight.reshape(-1, 1);
        }
        return lossAgainst(logits, partner.add(own.sub(partner).mul(weight)));
    }

    /**
     * The smoothed target distribution of each example, shape (B, C), from class numbers of shape
     * (B) or (B, 1), or from target rows of shape (B, C).
     */
    private NDArray target(NDArray label, NDArray logits) {
        Shape shape = label.getShape();
        Shape logitsShape = logits.getShape();
        long classes = logitsShape.tail();
        boolean dense = shape.equals(logitsShape);
        boolean sparse =
                shape.dimension() == 1 || shape.dimension() == 2 && shape.get(1) == 1 && !dense;
        if (!dense && !sparse) {
            throw new IllegalArgumentException(
                    getName()
                            + " takes class numbers of shape (B) or (B, 1), or target rows of the"
                            + " predictions' shape "
                            + logitsShape
                            + "; got labels of shape "
                            + shape
                            + ".");
        }
        NDArray target =
                dense
                        ? label.toType(logits.getDataType(), false)
                        : label.reshape(-1)
                                .toType(DataType.INT64, false)
                                .oneHot((int) classes)
                                .toType(logits.getDataType(), false);
        if (labelSmoothing > 0) {
            target = target.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        }
        return target;
    }

    private NDArray lossAgainst(NDArray logits, NDArray target) {
        if (!binary) {
            return logits.logSoftmax(-1).mul(target).sum(new int[] {-1}).mean().neg();
        }
        NDArray p = logits.softmax(-1).clip(PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR);
        NDArray q = p.neg().add(1);
        return p.log().mul(target).add(q.log().mul(target.neg().add(1))).mean().neg();
    }

    /** Configures a {@link SoftTargetLoss}. */
    public static final class Builder {

        private String name;
        private final boolean binary;
        private float labelSmoothing;

        private Builder(String name, boolean binary) {
            this.name = name;
            this.binary = binary;
        }

        /**
         * Sets the name shown in training logs.
         *
         * @param name the name
         * @return this builder
         */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets label smoothing, applied to each target before mixing (so also to the mixed target):
         * {@code t = (1 - e) t + e / C}.
         *
         * @param labelSmoothing {@code e} in {@code [0, 1)}; default 0
         * @return this builder
         */
        public Builder optLabelSmoothing(float labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /**
         * Builds the loss.
         *
         * @return the loss
         * @throws IllegalArgumentException if label smoothing is outside {@code [0, 1)}
         */
        public SoftTargetLoss build() {
            if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
                throw new IllegalArgumentException(
                        "Label smoothing must be in [0, 1), got " + labelSmoothing);
            }
            return new SoftTargetLoss(this);
        }
    }
}
