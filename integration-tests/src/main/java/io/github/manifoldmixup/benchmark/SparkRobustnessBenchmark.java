/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.RobustnessSuite;
import io.github.manifoldmixup.robustness.SuiteAccumulator;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.robustness.corruption.Corruption;
import io.github.manifoldmixup.zoo.cli.ManifoldMixupCommand;
import io.github.manifoldmixup.zoo.cli.ModelSource;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.dataset.MnistDigits;
import io.github.manifoldmixup.zoo.spark.FashionMnistImageFolder;
import io.github.manifoldmixup.zoo.spark.SparkRobustness;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Test images per second of the robustness suite on one machine ({@code robustness}, in this
 * process) and as a Spark job on {@code local[1]} and {@code local[2]} (the same images written as
 * a PNG folder, read with Spark's image data source, 4 partitions), alternating run by run so that
 * a busy machine slows all alike; then what a partition's model load costs, and how far MLlib's
 * binned detection figures are from the exact ones. The suite: clean, FGSM at 0.1, two corruptions
 * at severity 3 and the three out-of-distribution sets; every Spark time includes starting and
 * stopping the session, and the job that measures the partitions is also timed alone. Then the
 * serialized size of a partition's accumulator with and without the exact detection scores.
 *
 * <p>Arguments: {@code [--images 2000] [--rounds 3] [--bins 1000] [--torch-threads N]} (PyTorch's
 * intra-op threads, shared by the tasks of the process; default: one per core).
 */
public final class SparkRobustnessBenchmark {

    private SparkRobustnessBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --images N}, {@code --rounds N}, {@code --bins N}, {@code --torch-threads
     *     N}
     * @throws Exception if the data or the model cannot be read
     */
    public static void main(String[] args) throws Exception {
        // Spark's own lines at warning level only (the benchmarks log through slf4j-simple)
        for (String chatty : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop")) {
            System.setProperty("org.slf4j.simpleLogger.log." + chatty, "warn");
        }
        System.setProperty("spark.extraListeners", MeasuringJobTimes.class.getName());
        int threads = BenchmarkArgs.intArg(args, "--torch-threads", 0);
        if (threads > 0) { // before the engine starts: PyTorch's threads per process
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        int images = BenchmarkArgs.intArg(args, "--images", 2000);
        int rounds = BenchmarkArgs.intArg(args, "--rounds", 3);
        int bins = BenchmarkArgs.intArg(args, "--bins", 1000);
        Path work = Files.createTempDirectory("spark-bench");
        Path folder = work.resolve("images");
        FashionMnistImageFolder.write(folder, images);
        List<String> suite =
                List.of(
                        "--zoo-mixup", "manifold",
                        "--limit", String.valueOf(images),
                        "--corruption", "gaussian_noise,rotate",
                        "--severities", "3",
                        "--fgsm-eps", "0.1",
                        "--pgd-images", "0");
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("single machine", with(List.of("robustness"), suite));
        runs.put("spark local[1]", spark(suite, folder, "local[1]"));
        runs.put("spark local[2]", spark(suite, folder, "local[2]"));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> measuring = new LinkedHashMap<>();
        runs.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        runs.keySet().forEach(name -> measuring.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> run : runs.entrySet()) {
                List<String> command =
                        with(run.getValue(), List.of("--out", work.resolve("out").toString()));
                MeasuringJobTimes.SECONDS.clear();
                long start = System.nanoTime();
                run(run.getKey(), command);
                seconds.get(run.getKey()).add((System.nanoTime() - start) / 1e9);
                MeasuringJobTimes.SECONDS.forEach(measuring.get(run.getKey())::add);
            }
        }
        double single = BenchmarkArgs.median(seconds.get("single machine"));
        System.out.printf(
                Locale.ROOT,
                "%-16s %10s %10s %10s %18s%n",
                "run",
                "median s",
                "images/s",
                "x single",
                "measuring job s");
        for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
            double median = BenchmarkArgs.median(entry.getValue());
            List<Double> job = measuring.get(entry.getKey());
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %10.1f %10.1f %10.2f %18s%n",
                    entry.getKey(),
                    median,
                    images / median,
                    single / median,
                    job.isEmpty()
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f", BenchmarkArgs.median(job)));
        }

        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            new ModelSource("manifold", null).load().close();
            loads.add((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(
                Locale.ROOT,
                "model load per partition: median %.2f s of 5 (a partition of %d images: %.1f s on"
                        + " local[1])%n",
                BenchmarkArgs.median(loads),
                images / 4,
                BenchmarkArgs.median(seconds.get("spark local[1]")) / 4);

        sizes(images);

        List<String> ood =
                with(suite, List.of("--ood", "--master", "local[2]", "--partitions", "4"));
        Path exact = work.resolve("exact");
        Path binned = work.resolve("binned");
        run("exact", with(ood, List.of("--out", exact.toString())));
        run(
                "binned",
                with(
                        ood,
                        List.of(
                                "--binned-detection",
                                String.valueOf(bins),
                                "--out",
                                binned.toString())));
        List<OutOfDistribution> e = report(exact).ood();
        List<OutOfDistribution> b = report(binned).ood();
        double[] worst = new double[4];
        for (int i = 0; i < e.size(); i++) {
            worst[0] = Math.max(worst[0], Math.abs(e.get(i).auroc() - b.get(i).auroc()));
            worst[1] = Math.max(worst[1], Math.abs(e.get(i).auprIn() - b.get(i).auprIn()));
            worst[2] = Math.max(worst[2], Math.abs(e.get(i).auprOut() - b.get(i).auprOut()));
            worst[3] = Math.max(worst[3], Math.abs(e.get(i).fpr95() - b.get(i).fpr95()));
        }
        System.out.printf(
                Locale.ROOT,
                "MLlib binned (%d bins) vs exact, largest difference over %d set x score pairs:"
                        + " AUROC %.2g, AUPR-In %.2g, AUPR-Out %.2g, FPR95 %.2g%n",
                bins,
                e.size(),
                worst[0],
                worst[1],
                worst[2],
                worst[3]);
    }

    /**
     * The bytes a partition's accumulator takes serialized, with the exact detection scores and
     * without them, for clean, FGSM, one corruption and the MNIST digits on the first images.
     */
    private static void sizes(int images) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = new ModelSource("manifold", null).load()) {
            MnistDigits digits = MnistDigits.load();
            RobustnessSuite suite =
                    RobustnessSuite.builder()
                            .optLimit(images)
                            .optTemperature(Float.parseFloat(model.getProperty("temperature")))
                            .addAttack(Fgsm.builder().optEpsilon(0.1f).build())
                            .optCorruptions(List.of(Corruption.GAUSSIAN_NOISE))
                            .optSeverities(3)
                            .addOutOfDistribution(
                                    "mnist",
                                    new ArrayDataset.Builder()
                                            .setData(digits.images(manager, 0, images))
                                            .optLabels(manager.zeros(new Shape(images)))
                                            .setSampling(200, false)
                                            .build())
                            .build();
            Dataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(200, false)
                            .optManager(manager)
                            .build();
            SuiteAccumulator accumulator = suite.accumulate(model, test, 0);
            int distinct = 0;
            for (String detector : accumulator.detectors()) {
                distinct += accumulator.detectionScores("mnist", detector).distinctScores();
            }
            long exact = serialized(accumulator);
            accumulator.dropDetectionScores();
            long dropped = serialized(accumulator);
            System.out.printf(
                    Locale.ROOT,
                    "one accumulator (%d test images, %d MNIST digits, %d detectors): %d bytes"
                            + " serialized, %d without the scores (%d distinct score values: %.1f"
                            + " bytes each)%n",
                    images,
                    images,
                    accumulator.detectors().size(),
                    exact,
                    dropped,
                    distinct,
                    (double) (exact - dropped) / distinct);
        }
    }

    private static long serialized(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.size();
    }

    private static List<String> spark(List<String> suite, Path folder, String master) {
        return with(
                suite,
                List.of("--master", master, "--images", folder.toString(), "--partitions", "4"));
    }

    private static List<String> with(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static void run(String name, List<String> command) {
        StringWriter err = new StringWriter();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        int status;
        if (command.get(0).equals("robustness")) {
            CommandLine cli = ManifoldMixupCommand.commandLine();
            cli.setOut(quiet);
            cli.setErr(new PrintWriter(err));
            status = cli.execute(command.toArray(String[]::new));
        } else {
            status =
                    SparkRobustness.run(
                            command.toArray(String[]::new), quiet, new PrintWriter(err));
        }
        if (status != 0) {
            throw new IllegalStateException(name + " failed: " + err);
        }
    }

    private static RobustnessReport report(Path out) throws Exception {
        return RobustnessReport.listFromJson(
                        Files.readString(out.resolve("robustness.json"), StandardCharsets.UTF_8))
                .get(0);
    }
}
