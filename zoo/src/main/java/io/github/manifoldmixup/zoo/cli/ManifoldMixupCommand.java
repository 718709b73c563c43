/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import io.github.manifoldmixup.zoo.recipe.CurvesCommand;
import io.github.manifoldmixup.zoo.recipe.PublishCommand;
import io.github.manifoldmixup.zoo.recipe.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command-line tool: {@code demo}, {@code train}, {@code publish}, {@code curves}, {@code
 * evaluate}, {@code flattening} and {@code zoo list}. Wrong options print what was wrong and the
 * usage, and exit with status 2.
 */
@Command(
        name = "manifold-mixup",
        mixinStandardHelpOptions = true,
        version = "manifold-mixup 0.1.0",
        description = "Manifold Mixup for DJL: demo, training, evaluation and the model zoo.",
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            PublishCommand.class,
            CurvesCommand.class,
            EvaluateCommand.class,
            FlatteningCommand.class,
            ZooCommand.class
        })
public final class ManifoldMixupCommand implements Runnable {

    @CommandLine.Spec private CommandSpec spec;

    /**
     * Runs the tool.
     *
     * @param args a subcommand and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the tool's command line, for running it in-process.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new ManifoldMixupCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(
                        (e, commandLine, parsed) -> {
                            if (!(e instanceof IllegalArgumentException)) {
                                throw e;
                            }
                            // a mistake in the input found while running: its message says it all
                            commandLine.getErr().println(e.getMessage());
                            return 1;
                        });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Name a subcommand: demo, train, publish, curves, evaluate, flattening or zoo.");
    }
}
