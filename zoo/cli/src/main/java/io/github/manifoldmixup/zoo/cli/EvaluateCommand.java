/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.evaluator.CalibrationSummary;
import io.github.manifoldmixup.zoo.analysis.FashionMnistEvaluation;
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
                description =
                        "load resnet-fashion-mnist from the zoo: none, input, manifold or"
                                + " manifold-then-plain")
        private String mixup;

        @Option(
                names = "--model-dir",
                description =
                        "load a DJL model directory (zoo export) or saved parameters (prefix"
                                + " 'model') of the small ResNet-20")
        private Path directory;
    }

    @Override
    public Integer call() throws Exception {
        try (Model model = load();
                NDManager manager = NDManager.newBaseManager();
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            FashionMnistEvaluation figures = FashionMnistEvaluation.of(predictor, holdout, manager);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT, "%-34s %9s %7s %7s %7s%n", "", "accuracy", "NLL", "ECE", "Brier");
            report(out, "held-out training images (" + holdout + ")", figures.heldOut());
            List<JFreeChart> charts = new ArrayList<>();
            charts.add(report(out, "test images (10,000), as trained", figures.test()));
            charts.add(
                    report(
                            out,
                            String.format(
                                    Locale.ROOT,
                                    "test images, temperature %.3f",
                                    figures.temperature()),
                            figures.scaledTest()));
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
        return source.mixup != null
                ? FashionMnistModels.zoo(source.mixup)
                : FashionMnistModels.saved(source.directory);
    }

    private static JFreeChart report(PrintWriter out, String name, CalibrationSummary summary) {
        out.printf(
                Locale.ROOT,
                "%-34s %8.2f%% %7.4f %7.4f %7.4f%n",
                name,
                100 * summary.accuracy(),
                summary.nll(),
                summary.ece(),
                summary.brier());
        return ReliabilityDiagram.chart(summary.reliability(), name);
    }
}
