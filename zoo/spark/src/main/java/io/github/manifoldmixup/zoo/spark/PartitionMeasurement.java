/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import ai.djl.Model;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.robustness.SuiteAccumulator;
import io.github.manifoldmixup.zoo.cli.ModelSource;
import io.github.manifoldmixup.zoo.cli.RobustnessOptions;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * What each partition of the job does: loads the model once, measures the partition's test images
 * (whole batches, numbered as in the whole set) and its share of each out-of-distribution set with
 * the suite of the job's options, and returns the partition's {@link SuiteAccumulator}. A retried
 * partition starts again from nothing, so nothing is lost or counted twice.
 */
final class PartitionMeasurement
        implements Function2<
                Integer, Iterator<Tuple2<Long, LabelledImage>>, Iterator<SuiteAccumulator>> {

    private static final long serialVersionUID = 1L;

    /** The shape of one image of the Fashion-MNIST networks. */
    private static final Shape IMAGE = FashionMnistNetwork.INPUT_SHAPE.slice(1);

    private final String[] args;
    private final ModelSource source;
    private final float temperature;
    private final BatchPartitioner partitioner;
    private final Broadcast<float[]> digits;

    /**
     * Creates the work of the partitions.
     *
     * @param args the job's command line, parsed again in each partition
     * @param source the model
     * @param temperature the model's temperature, found on the driver
     * @param partitioner how the images were cut into partitions
     * @param digits the MNIST digits' pixels, {@code (N, 1, 28, 28)}; null without
     *     out-of-distribution detection
     */
    PartitionMeasurement(
            String[] args,
            ModelSource source,
            float temperature,
            BatchPartitioner partitioner,
            Broadcast<float[]> digits) {
        this.args = args.clone();
        this.source = source;
        this.temperature = temperature;
        this.partitioner = partitioner;
        this.digits = digits;
    }

    /** {@inheritDoc} */
    @Override
    public Iterator<SuiteAccumulator> call(
            Integer partition, Iterator<Tuple2<Long, LabelledImage>> rows) throws Exception {
        // an executor is a JVM of its own: DJL offline there too (the natives are in the jar)
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        List<Tuple2<Long, LabelledImage>> images = new ArrayList<>();
        rows.forEachRemaining(images::add);
        RobustnessOptions options = SparkRobustness.parse(args);
        // loading initializes the block, a draw from the engine's generator: not while the
        // partition beside this one attacks
        try (Model model = RobustnessSuite.whileNoAttackRuns(source::load);
                NDManager manager = model.getNDManager().newSubManager()) {
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.killTaskIfInterrupted();
            }
            RobustnessSuite.Builder suite = options.suite(temperature);
            if (digits != null) {
                float[] pixels = digits.value();
                long count = pixels.length / IMAGE.size();
                NDArray digitImages = manager.create(pixels, new Shape(count).addAll(IMAGE));
                long[] range = partitioner.range(partition, Math.min(options.limit(), count));
                for (Map.Entry<String, RandomAccessDataset> set :
                        options.outOfDistribution(manager, digitImages).entrySet()) {
                    suite.addOutOfDistribution(
                            set.getKey(),
                            set.getValue().subDataset((int) range[0], (int) range[1]));
                }
            }
            long first = images.isEmpty() ? 0 : images.get(0)._1();
            SuiteAccumulator measured =
                    suite.build().accumulate(model, batches(images, manager, options), first);
            return List.of(measured).iterator();
        }
    }

    /**
     * The partition's images as a data set in the job's batches, checked for shape and order, and
     * scaled by DJL's {@link ToTensor} as the Fashion-MNIST data set scales them: the same
     * arithmetic, so the same floats.
     */
    private static ArrayDataset batches(
            List<Tuple2<Long, LabelledImage>> images,
            NDManager manager,
            RobustnessOptions options) {
        int size = (int) IMAGE.size();
        ByteBuffer pixels = ByteBuffer.allocateDirect(images.size() * size);
        float[] labels = new float[images.size()];
        for (int i = 0; i < images.size(); i++) {
            LabelledImage one = images.get(i)._2();
            if (one.channels() != IMAGE.get(0)
                    || one.height() != IMAGE.get(1)
                    || one.width() != IMAGE.get(2)) {
                throw new IllegalArgumentException(
                        "The image "
                                + one.origin()
                                + " has "
                                + one.channels()
                                + " channel(s) of "
                                + one.height()
                                + "x"
                                + one.width()
                                + " pixels; the Fashion-MNIST models take 1 channel (gray) of"
                                + " 28x28.");
            }
            if (images.get(i)._1() != images.get(0)._1() + i) {
                throw new IllegalStateException(
                        "The partition's images are not numbered one after another: image "
                                + images.get(i)._1()
                                + " follows "
                                + images.get(i - 1)._1());
            }
            pixels.put(one.pixels());
            labels[i] = one.label();
        }
        pixels.flip();
        NDArray raw =
                manager.create(
                        pixels,
                        new Shape(images.size(), IMAGE.get(1), IMAGE.get(2), IMAGE.get(0)),
                        DataType.UINT8);
        return new ArrayDataset.Builder()
                .setData(new ToTensor().transform(raw))
                .optLabels(manager.create(labels))
                .setSampling(options.batch(), false)
                .build();
    }
}
