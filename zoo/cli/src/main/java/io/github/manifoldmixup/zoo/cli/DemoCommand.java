/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import io.github.manifoldmixup.zoo.demo.SpiralsDemo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the two-spirals comparison with its figures, on generated data. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Trains an MLP with a 4-unit bottleneck on two spirals without mixup, with input"
                        + " mixup and with Manifold Mixup; prints accuracy, NLL, ECE, Brier,"
                        + " confidence away from the data and bottleneck spectra; writes the"
                        + " figures as PNG.")
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            defaultValue = "target/demo",
            description = "directory of the figures (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(
            names = "--epochs",
            defaultValue = "40",
            description = "training epochs of each variant (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(
            names = "--points",
            defaultValue = "2000",
            description = "generated training points (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--seed", defaultValue = "7", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        SpiralsDemo.run(epochs, points, seed, out);
        return 0;
    }
}
