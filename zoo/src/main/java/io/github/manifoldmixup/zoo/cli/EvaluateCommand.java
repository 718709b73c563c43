/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.metric.BrierScore;
import io.github.manifoldmixup.metric.ExpectedCalibrationError;
import io.github.manifoldmixup.metric.NegativeLogLikelihood;
import io.github.manifoldmixup.metric.TemperatureScaling;
import io.github.manifoldmixup.zoo.data.FashionMnistData;
import io.github.manifoldmixup.zoo.model.ManifoldMixupModelZoo;
import io.github.manifoldmixup.zoo.network.SmallPreActResNet;
import io.github.manifoldmixup.zoo.plot.Charts;
import io.github.manifoldmixup.zoo.plot.ReliabilityDiagram;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: accuracy, NLL, ECE and Brier of a Fashion-MNIST model on the 10,000 test
 * images, before and after temperature scaling fitted on held-out training images, with reliability
 * diagrams of both.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Evaluates a Fashion-MNIST model (from the zoo by name, or saved parameters) before"
                        + " and after temperature scaling, and draws its reliability diagrams.")
final class EvaluateCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    private Source source;

    @Option(
            names = "--holdout",
            defaultValue = "5000",
            description =
                    "last training images used to fit the temperature; they must not have been"
                            + " trained on (default: ${DEFAULT-VALUE})")
    private int holdout;

    @Option(
            names = "--out",
            defaultValue = "target/evaluate/reliability.png",
            description = "the reliability diagrams (default: ${DEFAULT-VALUE})")
    private Path out;

    @Spec private CommandSpec spec;

    /** Where the model comes from: exactly one. */
    static final class Source {

        @Option(
                names = "--zoo-mixup",
                description = "load resnet-fashion-mnist from the zoo: none, input or manifold")
        private String mixup;

        @Option(
                names = "--model-dir",
                description = "load saved parameters (prefix 'model') of the small ResNet-20")
        private Path directory;
    }

    @Override
    public Integer call() throws Exception {
        try (Model model = load();
                NDManager manager = NDManager.newBaseManager();
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            RandomAccessDataset training =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TRAIN)
                            .setSampling(500, false)
                            .optManager(manager)
                            .build();
            training.prepare();
            int size = (int) training.size();
            NDList held = logits(predictor, training.subDataset(size - holdout, size), manager);
            RandomAccessDataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(500, false)
                            .optManager(manager)
                            .build();
            NDList tested = logits(predictor, test, manager);
            TemperatureScaling scaling = TemperatureScaling.fit(held.get(0), held.get(1));
            NDArray scaled = scaling.apply(tested.get(0));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "%-26s %9s %7s %7s %7s%n",
                    "test images (10,000)",
                    "accuracy",
                    "NLL",
                    "ECE",
                    "Brier");
            List<JFreeChart> charts = new ArrayList<>();
            charts.add(report(out, "as trained", tested.get(0), tested.get(1)));
            charts.add(
                    report(
                            out,
                            String.format(
                                    Locale.ROOT, "temperature %.3f", scaling.getTemperature()),
                            scaled,
                            tested.get(1)));
            Charts.writeSideBySide(charts, 480, 520, out(out));
            out.flush();
        }
        return 0;
    }

    private Path out(PrintWriter writer) {
        writer.println("Reliability diagrams: " + out.toAbsolutePath());
        return out;
    }

    private Model load() throws Exception {
        if (source.mixup != null) {
            return Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                    .optArtifactId("resnet-fashion-mnist")
                    .optFilter("mixup", source.mixup)
                    .build()
                    .loadModel();
        }
        Model model = Model.newInstance("evaluated");
        model.setBlock(SmallPreActResNet.builder().setNumClasses(10).build());
        model.load(source.directory, "model");
        return model;
    }

    /** The logits and labels of a whole dataset. */
    private static NDList logits(
            Predictor<NDList, NDList> predictor, RandomAccessDataset dataset, NDManager manager)
            throws Exception {
        NDList logits = new NDList();
        NDList labels = new NDList();
        for (Batch batch : dataset.getData(manager)) {
            NDArray output = predictor.predict(batch.getData()).head();
            output.attach(manager);
            logits.add(output);
            NDArray label = batch.getLabels().head();
            label.attach(manager);
            labels.add(label);
            batch.close();
        }
        return new NDList(NDArrays.concat(logits), NDArrays.concat(labels));
    }

    private static JFreeChart report(PrintWriter out, String name, NDArray logits, NDArray labels) {
        NDList predictions = new NDList(logits);
        NDList truth = new NDList(labels);
        ExpectedCalibrationError ece = new ExpectedCalibrationError();
        NegativeLogLikelihood nll = new NegativeLogLikelihood();
        BrierScore brier = new BrierScore();
        for (var metric : List.of(ece, nll, brier)) {
            metric.addAccumulator(name);
            metric.updateAccumulator(name, truth, predictions);
        }
        float accuracy =
                logits.argMax(1)
                        .toType(DataType.FLOAT32, false)
                        .eq(labels.toType(DataType.FLOAT32, false).reshape(new Shape(-1)))
                        .toType(DataType.FLOAT32, false)
                        .mean()
                        .getFloat();
        out.printf(
                Locale.ROOT,
                "%-26s %8.2f%% %7.4f %7.4f %7.4f%n",
                name,
                100 * accuracy,
                nll.getAccumulator(name),
                ece.getAccumulator(name),
                brier.getAccumulator(name));
        return ReliabilityDiagram.chart(ece.getReliability(name), name);
    }
}
