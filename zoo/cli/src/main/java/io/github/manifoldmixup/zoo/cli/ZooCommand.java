/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Application;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.ModelZoo;
import io.github.manifoldmixup.zoo.model.ManifoldMixupModelZoo;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import io.github.manifoldmixup.zoo.model.ModelDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zoo list} and {@code zoo export}: the pretrained models and their DJL model directories.
 */
@Command(
        name = "zoo",
        mixinStandardHelpOptions = true,
        description = "The model zoo.",
        subcommands = {ZooCommand.ListCommand.class, ZooCommand.ExportCommand.class})
final class ZooCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: list or export.");
    }

    /** Lists this project's models with their variants and figures, then the other zoos' names. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the models, with each variant's filter value and test figures.")
    static final class ListCommand implements Callable<Integer> {

        @Spec private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "%s:resnet-fashion-mnist  (cv/image_classification, offline from the jar)%n",
                    ManifoldMixupModelZoo.GROUP_ID);
            out.printf("  %-22s %9s %7s %7s%n", "optFilter(\"mixup\",", "accuracy", "NLL", "ECE");
            for (MixupVariant variant : MixupVariant.values()) {
                Map<String, String> figures = ManifoldMixupModelZoo.publishedFigures(variant);
                out.printf(
                        Locale.ROOT,
                        "  %-22s %8.2f%% %7.4f %7.4f  %s%s%n",
                        "\"" + variant.filter() + "\")",
                        100 * number(figures, "testAccuracy"),
                        number(figures, "testNll"),
                        number(figures, "testEce"),
                        variant.description(),
                        variant == MixupVariant.MANIFOLD ? " (default)" : "");
            }
            out.println(
                    "  figures on the 10,000 Fashion-MNIST test images; `zoo export VARIANT --dir"
                            + " DIR` writes a DJL model directory");
            for (Map.Entry<Application, List<MRL>> entry : ModelZoo.listModels().entrySet()) {
                for (MRL mrl : entry.getValue()) {
                    if (!ManifoldMixupModelZoo.GROUP_ID.equals(mrl.getGroupId())) {
                        out.printf(
                                "%s:%s  (%s, DJL's hosted repository: needs the network)%n",
                                mrl.getGroupId(), mrl.getArtifactId(), entry.getKey().getPath());
                    }
                }
            }
            out.flush();
            return 0;
        }

        private static double number(Map<String, String> figures, String key) {
            String value = figures.get(key);
            return value == null ? Double.NaN : Double.parseDouble(value);
        }
    }

    /** Writes a variant as a standard DJL model directory. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Writes a variant as a DJL model directory (<name>-0000.params,"
                            + " serving.properties, synset.txt, metadata.json) that"
                            + " Criteria.optModelPath and DJL Serving load.")
    static final class ExportCommand implements Callable<Integer> {

        @Parameters(
                index = "0",
                paramLabel = "VARIANT",
                description = "none, input, manifold or manifold-then-plain")
        private String variant;

        @Option(
                names = "--dir",
                required = true,
                description = "the directory to create (must not exist, or be empty)")
        private Path directory;

        @Spec private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MixupVariant chosen = MixupVariant.of(variant);
            ModelDirectory.export(chosen, directory);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Wrote %s to %s%n",
                            ModelDirectory.modelName(chosen), directory.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
