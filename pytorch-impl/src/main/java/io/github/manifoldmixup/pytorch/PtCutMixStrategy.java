/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import java.util.random.RandomGenerator;

/**
 * CutMix (Yun et al. 2019), named {@code "cutmix"}: a box covering a fraction {@code 1 - lambda} of
 * the feature map is pasted from the partner, on NCHW states at the input or at a hidden layer.
 *
 * <p>The box has sides {@code floor(H sqrt(1 - lambda))} by {@code floor(W sqrt(1 - lambda))} and a
 * uniformly drawn centre; where it sticks out of the map it is clipped, and the target weight is
 * corrected to the area actually kept: {@code w = 1 - box area / (H W)}. One box for the batch in
 * {@code BATCH} mode, one box (and one corrected weight) per example in {@code ELEM} mode. The mask
 * is built on the activation's device from the four box bounds; nothing is read back to the host.
 */
public final class PtCutMixStrategy extends FeatureMapStrategy {

    /** The name users select this strategy by. */
    public static final String NAME = "cutmix";

    /** Creates CutMix. */
    public PtCutMixStrategy() {
        super(NAME);
    }

    /** {@inheritDoc} */
    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        PartnerRows.requirePyTorch(NAME, hidden);
        validate(context.point(), hidden.getShape());
        int height = (int) hidden.getShape().get(2);
        int width = (int) hidden.getShape().get(3);
        float[] lambdas = context.lambdas();
        Box[] boxes = new Box[lambdas.length];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = Box.draw(lambdas[i], height, width, context.random());
        }
        return mixWithBoxes(hidden, context.permutation(), context.manager(), boxes);
    }

    /** Pastes the partner's box into each example: one box for all, or one per example. */
    static MixedState mixWithBoxes(
            NDArray hidden, NDArray permutation, NDManager manager, Box[] boxes) {
        Shape shape = hidden.getShape();
        long height = shape.get(2);
        long width = shape.get(3);
        int n = boxes.length;
        float[] top = new float[n];
        float[] bottom = new float[n];
        float[] left = new float[n];
        float[] right = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            top[i] = boxes[i].top();
            bottom[i] = boxes[i].bottom();
            left[i] = boxes[i].left();
            right[i] = boxes[i].right();
            weights[i] = 1f - (float) boxes[i].area() / (height * width);
        }
        NDArray rows = manager.arange(0f, height, 1f).reshape(1, height, 1);
        NDArray columns = manager.arange(0f, width, 1f).reshape(1, 1, width);
        NDArray inRows =
                rows.gte(manager.create(top).reshape(n, 1, 1))
                        .logicalAnd(rows.lt(manager.create(bottom).reshape(n, 1, 1)));
        NDArray inColumns =
                columns.gte(manager.create(left).reshape(n, 1, 1))
                        .logicalAnd(columns.lt(manager.create(right).reshape(n, 1, 1)));
        NDArray mask =
                inRows.logicalAnd(inColumns)
                        .reshape(n, 1, height, width)
                        .toType(hidden.getDataType(), false);
        NDArray partner = PartnerRows.of(hidden, permutation);
        NDArray mixed = partner.sub(hidden).muli(mask).addi(hidden);
        NDArray weight = n == 1 ? manager.create(weights[0]) : manager.create(weights);
        return new MixedState(mixed, weight);
    }

    /**
     * A box of rows {@code [top, bottom)} and columns {@code [left, right)}.
     *
     * @param top the first row
     * @param bottom one past the last row
     * @param left the first column
     * @param right one past the last column
     */
    record Box(int top, int bottom, int left, int right) {

        /** Draws a box of area fraction about {@code 1 - lambda}, clipped to the map. */
        static Box draw(float lambda, int height, int width, RandomGenerator random) {
            double side = Math.sqrt(1 - lambda);
            int boxHeight = (int) (height * side);
            int boxWidth = (int) (width * side);
            int centreRow = random.nextInt(height);
            int centreColumn = random.nextInt(width);
            int top = Math.max(0, centreRow - boxHeight / 2);
            int bottom = Math.min(height, centreRow - boxHeight / 2 + boxHeight);
            int left = Math.max(0, centreColumn - boxWidth / 2);
            int right = Math.min(width, centreColumn - boxWidth / 2 + boxWidth);
            return new Box(top, Math.max(top, bottom), left, Math.max(left, right));
        }

        int area() {
            return (bottom - top) * (right - left);
        }
    }
}
