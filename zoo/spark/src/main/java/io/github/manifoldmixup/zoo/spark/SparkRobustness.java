/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import ai.djl.ndarray.NDManager;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.SuiteAccumulator;
import io.github.manifoldmixup.zoo.cli.ManifoldMixupCommand;
import io.github.manifoldmixup.zoo.cli.RobustnessOptions;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.plot.Charts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The robustness suite as a Spark application: {@code spark-submit --class
 * io.github.manifoldmixup.zoo.spark.SparkRobustness manifold-mixup-spark.jar [options]}. It takes
 * the options of the {@code robustness} command and writes the same files; the test images are the
 * Fashion-MNIST test set, or a folder read with Spark's image data source ({@code --images}).
 *
 * <p>The images are numbered and cut into partitions by whole batches. Each partition loads the
 * model once, measures its images and its share of the out-of-distribution sets, and returns a
 * {@link SuiteAccumulator}; the driver merges them into exactly the figures one machine gives on
 * the same images, PGD's random starts included. With {@code --binned-detection} the detection
 * scores stay in the cluster and MLlib's binned metrics give the detection figures.
 */
@Command(
        name = "spark-robustness",
        mixinStandardHelpOptions = true,
        description =
                "Measures Fashion-MNIST models off the test set on Apache Spark, as the robustness"
                        + " command does on one machine, with the same options and files.")
public final class SparkRobustness implements Callable<Integer> {

    @Mixin private RobustnessOptions options;

    @Option(
            names = "--images",
            description =
                    "a folder of 28x28 gray images, one sub-folder per class (classes in sorted"
                            + " order), read with Spark's image data source (default: the"
                            + " Fashion-MNIST test set)")
    private String images;

    @Option(
            names = "--partitions",
            description =
                    "how many partitions (default: Spark's default parallelism); never more than"
                            + " the batches")
    private Integer partitions;

    @Option(
            names = "--binned-detection",
            description =
                    "out-of-distribution figures from Spark MLlib's binned metrics with this many"
                            + " bins, the scores left in the cluster (default: exact, the scores'"
                            + " distinct values on the driver)")
    private Integer bins;

    @Option(
            names = "--master",
            description =
                    "the Spark master when not run by spark-submit, for example local[2]"
                            + " (default: spark-submit's, or local[*])")
    private String master;

    @Option(names = "--debug", description = "print stack traces of failures")
    private boolean debug;

    @Spec private CommandSpec spec;

    private final String[] args;

    private SparkRobustness(String[] args) {
        this.args = args.clone();
    }

    /**
     * Runs the job and exits: 0 on success, 2 for a usage mistake, 1 for a failure.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the job in this process.
     *
     * @param args the options
     * @return the exit status
     */
    public static int run(String[] args) {
        return run(
                args,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /**
     * Runs the job in this process, writing to the given streams.
     *
     * @param args the options
     * @param out where the tables and the files written go
     * @param err where mistakes and failures go
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Charts.headlessUnlessSet();
        SparkRobustness job = new SparkRobustness(args);
        CommandLine commandLine =
                ManifoldMixupCommand.handlingErrors(new CommandLine(job), () -> job.debug);
        commandLine.setOut(out);
        commandLine.setErr(err);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The options of a command line, as a partition reads them again. */
    static RobustnessOptions parse(String[] args) {
        SparkRobustness job = new SparkRobustness(args);
        new CommandLine(job).parseArgs(args);
        return job.options;
    }

    @Override
    public Integer call() throws Exception {
        options.check();
        if ((partitions != null && partitions < 1) || (bins != null && bins < 1)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--partitions and --binned-detection are positive numbers.");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("manifold-mixup robustness");
        // not under spark-submit: a local master, and only Spark's warnings in the output
        boolean local = master != null || !new SparkConf().contains("spark.master");
        if (local) {
            builder.master(master != null ? master : "local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        if (local) {
            spark.sparkContext().setLogLevel("WARN");
        }
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int slices = partitions != null ? partitions : context.defaultParallelism();
            JavaRDD<LabelledImage> read =
                    images != null
                            ? TestImages.folder(spark, images)
                            : TestImages.fashionMnist(context, options.limit(), slices);
            JavaPairRDD<Long, LabelledImage> numbered = TestImages.numbered(read, options.limit());
            long count = numbered.count();
            if (count == 0) {
                throw new IllegalArgumentException("There are no test images to measure.");
            }
            BatchPartitioner partitioner = new BatchPartitioner(slices, options.batch(), count);
            JavaPairRDD<Long, LabelledImage> cut =
                    numbered.repartitionAndSortWithinPartitions(partitioner)
                            .persist(StorageLevel.MEMORY_AND_DISK_SER());
            cut.count();
            spark.catalog().clearCache(); // the decoded folder: cut holds the images now
            Broadcast<float[]> digits =
                    options.measuresOutOfDistribution() ? context.broadcast(digitPixels()) : null;
            PrintWriter text = spec.commandLine().getOut();
            text.println(
                    count
                            + " test images in "
                            + partitioner.numPartitions()
                            + " partitions of whole batches of "
                            + options.batch());
            List<RobustnessReport> reports =
                    options.measureEach(
                            text,
                            (name, source, model, temperature) ->
                                    measure(
                                            name,
                                            cut.mapPartitionsWithIndex(
                                                    new PartitionMeasurement(
                                                            args,
                                                            source,
                                                            temperature,
                                                            partitioner,
                                                            digits),
                                                    true)));
            options.write(text, reports);
            return 0;
        } catch (Exception e) {
            throw debug ? e : withoutSparksReport(e);
        } finally {
            spark.stop();
        }
    }

    /**
     * A failed task's own exception in place of Spark's, whose message holds the task's stack
     * trace: a file that is not an image, say, is then one line naming the file.
     */
    private static Exception withoutSparksReport(Exception e) {
        if (!(e instanceof SparkException)) {
            return e;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return root instanceof IllegalArgumentException
                ? new IllegalArgumentException(message)
                : new IllegalStateException(
                        "A Spark task failed: " + message + " (--debug shows Spark's report)");
    }

    /** Merges the partitions' accumulators into a model's report. */
    private RobustnessReport measure(String name, JavaRDD<SuiteAccumulator> parts) {
        if (bins == null) {
            return merge(parts.collect()).report(name);
        }
        parts.persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            SuiteAccumulator.DetectionSource figures =
                    BinnedDetection.figures(parts, parts.first(), bins);
            SuiteAccumulator merged =
                    merge(
                            parts.map(
                                            part -> {
                                                part.dropDetectionScores();
                                                return part;
                                            })
                                    .collect());
            return merged.report(name, figures);
        } finally {
            parts.unpersist(false);
        }
    }

    private static SuiteAccumulator merge(List<SuiteAccumulator> parts) {
        SuiteAccumulator merged = parts.get(0);
        for (SuiteAccumulator part : parts.subList(1, parts.size())) {
            merged.merge(part);
        }
        return merged;
    }

    private float[] digitPixels() throws Exception {
        MnistDigits digits = options.digits();
        try (NDManager manager = NDManager.newBaseManager()) {
            return digits.images(manager, 0, digits.size()).toFloatArray();
        }
    }
}
