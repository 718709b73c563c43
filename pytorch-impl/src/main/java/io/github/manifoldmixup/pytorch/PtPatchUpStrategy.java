/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import java.util.Locale;
import java.util.Objects;

/**
 * PatchUp (Faramarzi et al. 2020), named {@code "patchup"}: hidden-layer block masks, as in
 * DropBlock, select square patches of each channel's feature map, and only the patches are mixed
 * with the partner. As in the PatchUp authors' code, one mask per channel is drawn for the batch
 * and shared by its examples, which keeps the mask cheap (a (1, C, H, W) draw and max-pool rather
 * than a (B, C, H, W) one).
 *
 * <p>Block centres are drawn with probability {@code gamma * H W / (k^2 (H - k + 1) (W - k + 1))}
 * for block size {@code k}, so that about a fraction {@code gamma} of the features is patched; a
 * max-pool of size {@code k} turns centres into blocks. With {@code f_i} the fraction of example
 * {@code i}'s features actually patched:
 *
 * <ul>
 *   <li>{@link Mode#HARD}: the patches are swapped in from the partner; target weight {@code 1 -
 *       f_i}.
 *   <li>{@link Mode#SOFT}: the patches become {@code lambda h + (1 - lambda) h[p]}; target weight
 *       {@code 1 - f_i (1 - lambda)}.
 * </ul>
 *
 * <p>In {@code BATCH} mode the target weight is one number per batch, as in the authors' code; in
 * {@code ELEM} mode it is one per example (soft mode then gives each example its own {@code
 * lambda}). Everything is computed on the activation's device. The no-argument constructor (used by
 * {@code ServiceLoader}) gives block size 7, gamma 0.5 and hard mode; {@link #builder()} sets
 * others.
 */
public final class PtPatchUpStrategy extends FeatureMapStrategy {

    /** The name users select this strategy by. */
    public static final String NAME = "patchup";

    private final int blockSize;
    private final float gamma;
    private final Mode mode;

    /** Creates PatchUp with block size 7, gamma 0.5 and hard mode. */
    public PtPatchUpStrategy() {
        this(builder());
    }

    private PtPatchUpStrategy(Builder builder) {
        super(NAME);
        blockSize = builder.blockSize;
        gamma = builder.gamma;
        mode = builder.mode;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that the state is a batch of NCHW feature maps at least as large as a block.
     *
     * @param layer the mixing point
     * @param hiddenShape its shape
     */
    @Override
    public void validate(String layer, Shape hiddenShape) {
        super.validate(layer, hiddenShape);
        long height = hiddenShape.get(2);
        long width = hiddenShape.get(3);
        if (blockSize > height || blockSize > width) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "PatchUp's block size %d is larger than the %dx%d feature map at"
                                    + " mixing point '%s'. Choose a block size of at most %d, or"
                                    + " an earlier layer.",
                            blockSize,
                            height,
                            width,
                            layer,
                            Math.min(height, width)));
        }
    }

    /** {@inheritDoc} */
    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        PartnerRows.requirePyTorch(NAME, hidden);
        validate(context.point(), hidden.getShape());
        Shape shape = hidden.getShape();
        long height = shape.get(2);
        long width = shape.get(3);
        double centreProbability =
                gamma
                        * height
                        * width
                        / ((double) blockSize
                                * blockSize
                                * (height - blockSize + 1)
                                * (width - blockSize + 1));
        Shape oneMask = new Shape(1, shape.get(1), height, width);
        NDArray centres =
                context.manager()
                        .randomUniform(0f, 1f, oneMask, hidden.getDataType())
                        .lt(centreProbability)
                        .toType(hidden.getDataType(), false);
        // a k x k max-pool, done as a 1 x k and a k x 1 pass: 2k comparisons per value, not k^2
        NDArray rows =
                Pool.maxPool2d(
                        centres,
                        new Shape(1, blockSize),
                        new Shape(1, 1),
                        new Shape(0, blockSize / 2),
                        false);
        NDArray holes =
                Pool.maxPool2d(
                                rows,
                                new Shape(blockSize, 1),
                                new Shape(1, 1),
                                new Shape(blockSize / 2, 0),
                                false)
                        .get(new NDIndex(":, :, :{}, :{}", height, width));
        return mixWithHoles(hidden, holes, context);
    }

    /**
     * Mixes inside the given 0/1 holes, of shape (1, C, H, W) for one mask shared by the batch or
     * (B, C, H, W) for one per example, with the context's partners.
     */
    MixedState mixWithHoles(NDArray hidden, NDArray holes, MixingContext context) {
        long batch = hidden.getShape().get(0);
        NDArray lambdas = context.lambdaArray();
        NDArray changed = holes.reshape(holes.getShape().get(0), -1).mean(new int[] {1});
        NDArray partner = PartnerRows.of(hidden, context.permutation());
        NDArray mask = holes;
        NDArray weights;
        if (mode == Mode.HARD) {
            weights = changed.neg().add(1);
        } else {
            NDArray partnerShare = lambdas.neg().add(1);
            NDArray perRow = MixingContext.alongBatch(partnerShare, hidden);
            mask = holes.mul(perRow);
            weights = changed.mul(partnerShare).neg().add(1);
        }
        NDArray mixed = partner.sub(hidden).muli(mask).addi(hidden);
        return new MixedState(
                mixed, context.perExample() ? weights.broadcast(new Shape(batch)) : weights.mean());
    }

    /** How the patches are mixed. */
    public enum Mode {
        /** The patches are interpolated: {@code lambda h + (1 - lambda) h[p]}. */
        SOFT,
        /** The patches are swapped in from the partner. */
        HARD
    }

    /** Configures a {@link PtPatchUpStrategy}. */
    public static final class Builder {

        private int blockSize = 7;
        private float gamma = 0.5f;
        private Mode mode = Mode.HARD;

        private Builder() {}

        /**
         * Sets the side of the square patches.
         *
         * @param blockSize positive; default 7
         * @return this builder
         */
        public Builder optBlockSize(int blockSize) {
            this.blockSize = blockSize;
            return this;
        }

        /**
         * Sets about which fraction of the features is patched.
         *
         * @param gamma in {@code (0, 1]}; default 0.5
         * @return this builder
         */
        public Builder optGamma(float gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * Sets how patches are mixed.
         *
         * @param mode default {@link Mode#HARD}
         * @return this builder
         */
        public Builder optMode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds the strategy.
         *
         * @return the strategy
         * @throws IllegalArgumentException if the block size is not positive or gamma is outside
         *     {@code (0, 1]}
         */
        public PtPatchUpStrategy build() {
            if (blockSize < 1) {
                throw new IllegalArgumentException(
                        "PatchUp's block size must be positive, got " + blockSize);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException(
                        "PatchUp's gamma must be in (0, 1], got " + gamma);
            }
            return new PtPatchUpStrategy(this);
        }
    }
}
