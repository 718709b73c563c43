package io.github.manifoldmixup.integration;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.loss.MixingRecord;
import io.github.manifoldmixup.loss.MixupLoss;

/** Small networks, data and configurations shared by the integration tests. */
final class Fixtures {

    private Fixtures() {}

    /** A parameter-free network {@code f(x) = x^2 + 1}: child 1 squares, child 2 adds one. */
    static SequentialBlock squarePlusOne() {
        return new SequentialBlock().addSingleton(NDArray::square).addSingleton(x -> x.add(1f));
    }

    /** A model holding {@link #squarePlusOne()}. */
    static Model squarePlusOneModel() {
        Model model = Model.newInstance("square-plus-one");
        model.setBlock(squarePlusOne());
        return model;
    }

    /** Soft-max cross-entropy wrapped for mixup, Adam at a fixed rate, and the given listeners. */
    static DefaultTrainingConfig config(TrainingListener... listeners) {
        return new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build())
                .addTrainingListeners(listeners);
    }

    /** Rows {@code offset + 10 i + j} of shape {@code (rows, cols)}, distinct per row. */
    static NDArray distinctRows(NDManager manager, int rows, int cols, float offset) {
        return manager.arange((float) (rows * cols)).div(10f).add(offset).reshape(rows, cols);
    }

    /**
     * Generated 28x28 grey images of 10 classes: class {@code c} brightens the {@code c}-th band of
     * three rows, plus Gaussian noise.
     */
    static ArrayDataset bandImages(NDManager manager, int size, int batch, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        NDArray labels =
                manager.randomInteger(0, 10, new Shape(size), DataType.INT32)
                        .toType(DataType.FLOAT32, false);
        NDArray bands = manager.arange(28f).div(3f).floor().reshape(1, 1, 28, 1);
        NDArray data =
                bands.eq(labels.reshape(size, 1, 1, 1))
                        .toType(DataType.FLOAT32, false)
                        .add(
                                manager.randomNormal(
                                        0f, 0.3f, new Shape(size, 1, 28, 28), DataType.FLOAT32));
        return new ArrayDataset.Builder()
                .setData(data)
                .optLabels(labels)
                .setSampling(batch, true)
                .build();
    }

    /**
     * Points uniform in {@code [-1, 1]^2}, class 1 where both coordinates have the same sign, in a
     * fixed order (batch {@code i} holds examples {@code i * batch} onwards); example {@code
     * nanExample} gets a NaN coordinate when it is not negative.
     */
    static ArrayDataset quadrants(NDManager manager, int size, int batch, int nanExample) {
        return quadrants(manager, size, batch, nanExample, 5);
    }

    /** {@link #quadrants(NDManager, int, int, int)} drawn from another seed. */
    static ArrayDataset quadrants(
            NDManager manager, int size, int batch, int nanExample, int seed) {
        manager.getEngine().setRandomSeed(seed);
        NDArray points = manager.randomUniform(-1f, 1f, new Shape(size, 2));
        NDArray labels =
                points.get(":, 0").mul(points.get(":, 1")).gt(0f).toType(DataType.FLOAT32, false);
        if (nanExample >= 0) {
            points.set(new NDIndex(nanExample, 1), Float.NaN);
        }
        return new ArrayDataset.Builder()
                .setData(points)
                .optLabels(labels)
                .setSampling(batch, false)
                .build();
    }

    /**
     * A small conv net for 28x28 images: {@code 01Conv2d, 02LambdaBlock} (ReLU, 28x28x8), {@code
     * 03Conv2d, 04LambdaBlock} (ReLU, 14x14x16), flatten, {@code 06Linear}. No pooling: the classes
     * of {@link #bandImages} differ by where the bright rows are.
     */
    static SequentialBlock smallConvNet() {
        return new SequentialBlock()
                .add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .optPadding(new Shape(1, 1))
                                .setFilters(8)
                                .build())
                .add(Activation.reluBlock())
                .add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .optPadding(new Shape(1, 1))
                                .optStride(new Shape(2, 2))
                                .setFilters(16)
                                .build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    /** The record of a mixed forward pass; fails if there is none. */
    static MixingRecord record(NDList predictions) {
        return MixingRecord.find(predictions)
                .orElseThrow(() -> new AssertionError("the forward pass was not mixed"));
    }

    /**
     * The expected output of {@link #squarePlusOne()} mixed after its first child: {@code w (x_i^2
     * + 1) + (1 - w)(x_p(i)^2 + 1)}, on the host.
     */
    static float[] expectedHiddenMix(float[] x, int cols, float w, long[] permutation) {
        return expectedHiddenMix(x, cols, new float[] {w}, permutation);
    }

    /**
     * {@link #expectedHiddenMix(float[], int, float, long[])} with one weight for the batch or one
     * per row.
     */
    static float[] expectedHiddenMix(float[] x, int cols, float[] weights, long[] permutation) {
        float[] expected = new float[x.length];
        for (int i = 0; i < permutation.length; i++) {
            double w = weights[weights.length == 1 ? 0 : i];
            for (int j = 0; j < cols; j++) {
                double own = x[i * cols + j];
                double partner = x[(int) permutation[i] * cols + j];
                expected[i * cols + j] = (float) (w * own * own + (1 - w) * partner * partner + 1);
            }
        }
        return expected;
    }

    /** The expected output of {@link #squarePlusOne()} mixed at its input, on the host. */
    static float[] expectedInputMix(float[] x, int cols, float w, long[] permutation) {
        float[] expected = new float[x.length];
        for (int i = 0; i < permutation.length; i++) {
            for (int j = 0; j < cols; j++) {
                double mixed = w * x[i * cols + j] + (1 - w) * x[(int) permutation[i] * cols + j];
                expected[i * cols + j] = (float) (mixed * mixed + 1);
            }
        }
        return expected;
    }
}
