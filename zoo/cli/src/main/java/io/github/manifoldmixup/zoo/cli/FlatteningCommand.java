/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import io.github.manifoldmixup.zoo.analysis.FlatteningExperiment;
import io.github.manifoldmixup.zoo.analysis.FlatteningExperiment.Outcome;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import io.github.manifoldmixup.zoo.plot.Charts;
import io.github.manifoldmixup.zoo.plot.SpectrumChart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flattening}: the paper's flattening experiment on Fashion-MNIST. */
@Command(
        name = "flattening",
        mixinStandardHelpOptions = true,
        description =
                "Trains an MLP with a 12-unit bottleneck on Fashion-MNIST without mixup, with input"
                        + " mixup and with Manifold Mixup at the bottleneck (alpha 2), and reports"
                        + " the class-conditional singular values at the bottleneck.")
final class FlatteningCommand implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "10", description = "default: ${DEFAULT-VALUE}")
    private int epochs;

    @Option(
            names = "--limit",
            defaultValue = "" + FashionMnistData.TRAINING_IMAGES,
            description = "training images used (default: ${DEFAULT-VALUE})")
    private long limit;

    @Option(names = "--seed", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--out",
            defaultValue = "target/flattening/spectra.png",
            description = "the spectra (default: ${DEFAULT-VALUE})")
    private Path out;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Outcome> outcomes = new FlatteningExperiment(epochs, limit, seed).run();
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(
                Locale.ROOT,
                "%-15s %13s %9s %12s%n",
                "training",
                "test accuracy",
                "largest",
                "sum of rest");
        Map<String, double[]> spectra = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            writer.printf(
                    Locale.ROOT,
                    "%-15s %12.2f%% %9.3f %12.3f%n",
                    outcome.variant(),
                    100 * outcome.testAccuracy(),
                    outcome.largest(),
                    outcome.rest());
            spectra.put(outcome.variant(), outcome.spectrum());
        }
        Charts.writeSideBySide(
                List.of(SpectrumChart.chart(spectra, "Fashion-MNIST, 12-unit bottleneck")),
                720,
                420,
                out);
        writer.println("Spectra: " + out.toAbsolutePath());
        writer.flush();
        return 0;
    }
}
