package io.github.manifoldmixup.integration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.pytorch.PtPatchUpStrategy;
import io.github.manifoldmixup.strategy.LambdaMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One drawn configuration of the hostile-input fuzz test: listener options, loss, batch, labels and
 * inputs, for {@link #net()}, a small conv net on (1, 12, 12) images with 10 classes.
 *
 * @param seed the seed of the listener and of the case's data
 * @param alpha the listener's alpha
 * @param layers the named mixing layers (may be invalid), empty for the automatic choice
 * @param includeInput whether the input is a candidate
 * @param strategy a strategy name (may be unknown) or {@code "patchup*"} for a built PatchUp
 * @param patchUp block size, gamma (a thousandth) and soft mode of a built PatchUp
 * @param second a second weighted strategy (name, weight, alpha), or {@code null}
 * @param probability the mixing probability
 * @param lambdaMode one coefficient per batch or per example
 * @param fold whether coefficients are folded
 * @param schedule {@code "constant"}, {@code "ramp"} or a fixed factor such as {@code "factor 2.0"}
 * @param offEpoch the off epoch, {@link Integer#MAX_VALUE} for never
 * @param loss the kind of loss
 * @param smoothing the label smoothing of a soft-target loss
 * @param batch the batch size
 * @param labels the kind of labels
 * @param input the kind of input values
 */
record FuzzCase(
        long seed,
        float alpha,
        List<String> layers,
        boolean includeInput,
        String strategy,
        int[] patchUp,
        Second second,
        float probability,
        LambdaMode lambdaMode,
        boolean fold,
        String schedule,
        int offEpoch,
        LossKind loss,
        float smoothing,
        int batch,
        LabelKind labels,
        InputKind input,
        boolean nonFiniteCheck) {

    static final int CLASSES = 10;
    static final int SIDE = 12;

    /** One dimension in this many is drawn from its invalid values. */
    private static final int INVALID_ONE_IN = 20;

    private static final Float[] ALPHAS = {
        0.2f, 1f, 2f, 2f, 0.05f, 1e3f, 1e6f, 1e-6f, Float.MIN_VALUE, Float.MAX_VALUE
    };
    private static final Float[] BAD_ALPHAS = {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY};
    private static final String[] LAYERS = {
        "input",
        "0",
        "01Conv2d",
        "02LambdaBlock",
        "03Conv2d",
        "04LambdaBlock",
        "05LambdaBlock",
        "06Linear",
        "2",
        "4",
        "6"
    };
    private static final String[] BAD_LAYERS = {
        "7", "99", "-1", "", " ", "conv", "01Conv2d/1", "04LambdaBlock ", null
    };
    private static final String[] STRATEGIES = {"mixup", "cutmix", "patchup", "patchup*"};
    private static final String[] BAD_STRATEGIES = {"cutmx", "", "MIXUP"};
    private static final Integer[] BLOCK_SIZES = {1, 2, 3, 5, 7, 8};
    private static final Integer[] BAD_BLOCK_SIZES = {0, -1};
    private static final Float[] GAMMAS = {0.001f, 0.3f, 0.5f, 1f};
    private static final Float[] BAD_GAMMAS = {0f, -0.2f, 1.2f, Float.NaN};
    private static final Float[] WEIGHTS = {0f, 0.5f, 1f, 3f};
    private static final Float[] BAD_WEIGHTS = {-1f, Float.NaN, Float.POSITIVE_INFINITY};
    private static final Float[] PROBABILITIES = {0f, 0.3f, 1f, 1f, 1f};
    private static final Float[] BAD_PROBABILITIES = {-0.1f, 1.5f, Float.NaN};
    private static final String[] SCHEDULES = {
        "constant", "constant", "constant", "ramp", "factor 0.0", "factor 0.5"
    };
    private static final String[] BAD_SCHEDULES = {
        "factor 2.0", "factor -1.0", "factor NaN", "factor 1.0E30"
    };
    private static final Integer[] OFF_EPOCHS = {Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 1};
    private static final Integer[] BAD_OFF_EPOCHS = {-1};
    private static final Float[] SMOOTHINGS = {0f, 0f, 0.1f, 0.99f};
    private static final Float[] BAD_SMOOTHINGS = {1f, -0.1f, Float.NaN};
    private static final int[] BATCHES = {1, 2, 3, 7, 16, 33, 128};

    /** The losses a case trains with. */
    enum LossKind {
        /** {@code MixupLoss.wrap(Loss.softmaxCrossEntropyLoss())}: sparse class labels. */
        WRAPPED_SPARSE,
        /** {@code MixupLoss.wrap} of DJL's cross-entropy on dense (soft) labels. */
        WRAPPED_DENSE,
        /** {@code SoftTargetLoss.crossEntropy()}: sparse or dense labels. */
        SOFT_CROSS_ENTROPY,
        /** {@code SoftTargetLoss.softmaxBinaryCrossEntropy()}: sparse or dense labels. */
        SOFT_BINARY,
        /** DJL's cross-entropy, not wrapped: refused when the trainer is created. */
        UNWRAPPED
    }

    /** The labels a batch comes with. */
    enum LabelKind {
        /** Class numbers as float32, shape (B), as DJL's datasets give them. */
        SPARSE_FLOAT,
        /** Class numbers as int32, shape (B). */
        SPARSE_INT32,
        /** Class numbers as int64, shape (B). */
        SPARSE_INT64,
        /** Class numbers as float32, shape (B, 1). */
        SPARSE_COLUMN,
        /** One-hot rows, float32, shape (B, C). */
        ONE_HOT,
        /** Random probability rows, float32, shape (B, C). */
        SOFT,
        /** One row too many, shape (B + 1). */
        EXTRA_ROW,
        /** One row too few, shape (B - 1). */
        MISSING_ROW,
        /** Dense rows of the wrong width, shape (B, 3). */
        WRONG_WIDTH,
        /** A single number, shape (). */
        SCALAR;

        boolean sparse() {
            return this == SPARSE_FLOAT
                    || this == SPARSE_INT32
                    || this == SPARSE_INT64
                    || this == SPARSE_COLUMN;
        }

        boolean dense() {
            return this == ONE_HOT || this == SOFT;
        }
    }

    /** The values a batch's images hold. */
    enum InputKind {
        /** Standard normal values. */
        FINITE,
        /** Ones: every image the same. */
        ONES,
        /** Standard normal values with a few NaNs. */
        NAN,
        /** Standard normal values with a few infinities. */
        INFINITE;

        boolean finite() {
            return this == FINITE || this == ONES;
        }
    }

    /**
     * A second weighted strategy.
     *
     * @param name its name
     * @param weight its weight
     * @param alpha its alpha
     */
    record Second(String name, float weight, float alpha) {}

    /** Draws a case: each dimension valid, or now and then invalid. */
    static FuzzCase draw(SplittableRandom random) {
        List<String> layers = new ArrayList<>();
        int layerCount = random.nextInt(4);
        for (int i = 0; i < layerCount; i++) {
            layers.add(choose(random, LAYERS, BAD_LAYERS));
        }
        Second second =
                random.nextInt(4) == 0
                        ? new Second(
                                choose(random, STRATEGIES, BAD_STRATEGIES),
                                choose(random, WEIGHTS, BAD_WEIGHTS),
                                random.nextBoolean()
                                        ? Float.NaN
                                        : choose(random, ALPHAS, BAD_ALPHAS))
                        : null;
        LossKind loss =
                random.nextInt(INVALID_ONE_IN) == 0
                        ? LossKind.UNWRAPPED
                        : pick(random, Arrays.copyOf(LossKind.values(), 4));
        return new FuzzCase(
                random.nextLong(),
                choose(random, ALPHAS, BAD_ALPHAS),
                layers,
                random.nextBoolean(),
                choose(random, STRATEGIES, BAD_STRATEGIES),
                new int[] {
                    choose(random, BLOCK_SIZES, BAD_BLOCK_SIZES),
                    Math.round(1000 * choose(random, GAMMAS, BAD_GAMMAS)),
                    random.nextInt(2)
                },
                second,
                choose(random, PROBABILITIES, BAD_PROBABILITIES),
                random.nextInt(3) > 0 ? LambdaMode.BATCH : LambdaMode.ELEM,
                random.nextBoolean(),
                choose(random, SCHEDULES, BAD_SCHEDULES),
                choose(random, OFF_EPOCHS, BAD_OFF_EPOCHS),
                loss,
                choose(random, SMOOTHINGS, BAD_SMOOTHINGS),
                BATCHES[random.nextInt(BATCHES.length)],
                drawLabels(random, loss),
                drawInput(random),
                random.nextInt(4) != 0);
    }

    private static LabelKind drawLabels(SplittableRandom random, LossKind loss) {
        if (random.nextInt(4) == 0) {
            return pick(random, LabelKind.values());
        }
        List<LabelKind> fitting =
                Arrays.stream(LabelKind.values()).filter(kind -> fits(loss, kind)).toList();
        return fitting.isEmpty()
                ? pick(random, LabelKind.values())
                : fitting.get(random.nextInt(fitting.size()));
    }

    private static InputKind drawInput(SplittableRandom random) {
        int draw = random.nextInt(100);
        if (draw < 11) {
            return InputKind.NAN;
        }
        if (draw < 22) {
            return InputKind.INFINITE;
        }
        return draw < 30 ? InputKind.ONES : InputKind.FINITE;
    }

    private static <T> T choose(SplittableRandom random, T[] valid, T[] invalid) {
        return random.nextInt(INVALID_ONE_IN) == 0 ? pick(random, invalid) : pick(random, valid);
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Builds the listener.
     *
     * @throws IllegalArgumentException if an option is invalid
     */
    ManifoldMixupTrainingListener listener() {
        ManifoldMixupTrainingListener.Builder builder =
                ManifoldMixupTrainingListener.builder()
                        .optNonFiniteCheck(nonFiniteCheck)
                        .optSeed(seed)
                        .optAlpha(alpha)
                        .optMixingLayers(layers.toArray(String[]::new))
                        .optIncludeInput(includeInput)
                        .optProbability(probability)
                        .optLambdaMode(lambdaMode)
                        .optFoldLambda(fold)
                        .optAlphaSchedule(buildSchedule())
                        .optMixingOffEpoch(offEpoch);
        if ("patchup*".equals(strategy)) {
            builder.optStrategy(
                    PtPatchUpStrategy.builder()
                            .optBlockSize(patchUp[0])
                            .optGamma(patchUp[1] / 1000f)
                            .optMode(
                                    patchUp[2] == 1
                                            ? PtPatchUpStrategy.Mode.SOFT
                                            : PtPatchUpStrategy.Mode.HARD)
                            .build());
        } else {
            builder.optStrategy(strategy);
        }
        if (second != null) {
            String first = "patchup*".equals(strategy) ? "patchup" : strategy;
            builder.addStrategy(first, 1f);
            String name = "patchup*".equals(second.name()) ? "patchup" : second.name();
            builder.addStrategy(name, second.weight(), second.alpha());
        }
        return builder.build();
    }

    private Tracker buildSchedule() {
        if ("constant".equals(schedule)) {
            return Tracker.fixed(1f);
        }
        if ("ramp".equals(schedule)) {
            return Tracker.warmUp()
                    .optWarmUpBeginValue(0f)
                    .optWarmUpSteps(2)
                    .setMainTracker(Tracker.fixed(1f))
                    .build();
        }
        float factor = Float.parseFloat(schedule.substring("factor ".length()));
        return epoch -> factor;
    }

    /**
     * Builds the loss.
     *
     * @throws IllegalArgumentException if the label smoothing is invalid
     */
    Loss buildLoss() {
        return switch (loss) {
            case WRAPPED_SPARSE -> MixupLoss.wrap(Loss.softmaxCrossEntropyLoss());
            case WRAPPED_DENSE ->
                    MixupLoss.wrap(new SoftmaxCrossEntropyLoss("dense", 1, -1, false, true));
            case SOFT_CROSS_ENTROPY ->
                    SoftTargetLoss.crossEntropy().optLabelSmoothing(smoothing).build();
            case SOFT_BINARY ->
                    SoftTargetLoss.softmaxBinaryCrossEntropy().optLabelSmoothing(smoothing).build();
            case UNWRAPPED -> Loss.softmaxCrossEntropyLoss();
        };
    }

    /** Whether the labels are what the loss documents it takes. */
    boolean labelsFitTheLoss() {
        return fits(loss, labels);
    }

    /**
     * Whether the library itself must refuse the labels with an {@link IllegalArgumentException}:
     * they lack one row per example, or a soft-target loss gets neither class numbers nor rows of
     * the predictions' shape. (What DJL's own losses accept is theirs to say.)
     */
    boolean labelsRefusedByTheLibrary() {
        boolean rows =
                labels == LabelKind.EXTRA_ROW
                        || labels == LabelKind.MISSING_ROW
                        || labels == LabelKind.SCALAR;
        boolean soft = loss == LossKind.SOFT_CROSS_ENTROPY || loss == LossKind.SOFT_BINARY;
        return rows || soft && !labelsFitTheLoss();
    }

    /**
     * Whether the alpha schedule keeps its documented range, {@code [0, 1]}: a schedule is code, so
     * a wrong factor can only show when the first batch asks for it.
     */
    boolean scheduleInRange() {
        return List.of(SCHEDULES).contains(schedule);
    }

    private static boolean fits(LossKind loss, LabelKind labels) {
        return switch (loss) {
            case WRAPPED_SPARSE -> labels.sparse();
            case WRAPPED_DENSE -> labels.dense();
            case SOFT_CROSS_ENTROPY, SOFT_BINARY -> labels.sparse() || labels.dense();
            case UNWRAPPED -> false;
        };
    }

    /**
     * The network: 01Conv2d (4 maps, 12x12), ReLU, 03Conv2d (8 maps, 6x6), ReLU, flatten, Linear.
     */
    static SequentialBlock net() {
        return new SequentialBlock()
                .add(conv(4, 1))
                .add(Activation.reluBlock())
                .add(conv(8, 2))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static Conv2d conv(int filters, int stride) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .optStride(new Shape(stride, stride))
                .setFilters(filters)
                .build();
    }

    /** The images of one step, in the given manager. */
    NDList makeData(NDManager manager) {
        Shape shape = new Shape(batch, 1, SIDE, SIDE);
        NDArray x = input == InputKind.ONES ? manager.ones(shape) : manager.randomNormal(shape);
        if (!input.finite()) {
            float bad = input == InputKind.NAN ? Float.NaN : Float.POSITIVE_INFINITY;
            float[] values = x.toFloatArray();
            for (int i = 0; i < values.length; i += 97) {
                values[i] = i % 2 == 0 ? bad : -bad;
            }
            x = manager.create(values, shape);
        }
        return new NDList(x);
    }

    /** The labels of one step, in the given manager. */
    NDList makeLabels(NDManager manager) {
        NDArray classes =
                manager.randomInteger(0, CLASSES, new Shape(batch), DataType.INT64)
                        .toType(DataType.FLOAT32, false);
        NDArray label =
                switch (labels) {
                    case SPARSE_FLOAT -> classes;
                    case SPARSE_INT32 -> classes.toType(DataType.INT32, false);
                    case SPARSE_INT64 -> classes.toType(DataType.INT64, false);
                    case SPARSE_COLUMN -> classes.reshape(batch, 1);
                    case ONE_HOT -> classes.toType(DataType.INT64, false).oneHot(CLASSES);
                    case SOFT ->
                            manager.randomUniform(0f, 1f, new Shape(batch, CLASSES)).softmax(1);
                    case EXTRA_ROW -> manager.zeros(new Shape(batch + 1));
                    case MISSING_ROW -> manager.zeros(new Shape(batch - 1));
                    case WRONG_WIDTH -> manager.zeros(new Shape(batch, 3));
                    case SCALAR -> manager.create(1f);
                };
        return new NDList(label);
    }

    @Override
    public String toString() {
        return "FuzzCase[seed="
                + seed
                + ", alpha="
                + alpha
                + ", layers="
                + layers
                + ", includeInput="
                + includeInput
                + ", strategy="
                + strategy
                + ("patchup*".equals(strategy) ? " " + Arrays.toString(patchUp) : "")
                + ", second="
                + second
                + ", probability="
                + probability
                + ", "
                + lambdaMode
                + (fold ? " folded" : "")
                + ", schedule="
                + schedule
                + ", offEpoch="
                + offEpoch
                + ", loss="
                + loss
                + ", smoothing="
                + smoothing
                + ", batch="
                + batch
                + ", labels="
                + labels
                + ", input="
                + input
                + "]";
    }
}
