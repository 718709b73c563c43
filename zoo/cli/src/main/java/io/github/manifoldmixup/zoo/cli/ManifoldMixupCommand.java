/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import io.github.manifoldmixup.zoo.plot.Charts;
import io.github.manifoldmixup.zoo.recipe.CurvesCommand;
import io.github.manifoldmixup.zoo.recipe.PublishCommand;
import io.github.manifoldmixup.zoo.recipe.TrainCommand;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command-line tool: {@code demo}, {@code train}, {@code publish}, {@code curves}, {@code
 * evaluate}, {@code robustness}, {@code flattening} and {@code zoo}. A usage mistake (an unknown
 * option, a value out of range, an unknown variant or corruption) prints what was wrong and exits
 * with status 2; a failure while running (a missing data set, a damaged file) prints its message
 * and exits with status 1. Neither prints a stack trace unless {@code --debug} is given. DJL runs
 * offline unless {@code -Dai.djl.offline=false} is given to the JVM.
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
            RobustnessCommand.class,
            FlatteningCommand.class,
            ZooCommand.class
        })
public final class ManifoldMixupCommand implements Runnable {

    /** The exit status of a usage mistake. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    /** The exit status of a failure while running. */
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

    @CommandLine.Spec private CommandSpec spec;

    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of a failure")
    private boolean debug;

    /**
     * Runs the tool, offline and with headless AWT unless the JVM was told otherwise.
     *
     * @param args a subcommand and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Charts.headlessUnlessSet();
        System.exit(commandLine().execute(args));
    }

    /**
     * Returns the tool's command line, for running it in-process.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        ManifoldMixupCommand top = new ManifoldMixupCommand();
        return handlingErrors(new CommandLine(top), () -> top.debug);
    }

    /**
     * Sets the tool's way with mistakes and failures on a command line: a wrong option prints what
     * was wrong with the usage (exit {@link #USAGE}, as for an {@code IllegalArgumentException}
     * while running), any other failure its message and those of its causes (exit {@link
     * #FAILURE}); the stack trace only when {@code debug} says so.
     *
     * @param commandLine the command line
     * @param debug whether stack traces are wanted, read when a failure happens
     * @return the command line
     */
    public static CommandLine handlingErrors(CommandLine commandLine, BooleanSupplier debug) {
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(
                        (e, line, parsed) -> {
                            if (e instanceof ParameterException usage) {
                                throw usage; // printed with the usage by the mistake handler
                            }
                            boolean mistake = e instanceof IllegalArgumentException;
                            if (debug.getAsBoolean()) {
                                e.printStackTrace(line.getErr());
                            } else {
                                line.getErr().println(message(e));
                            }
                            return mistake ? USAGE : FAILURE;
                        });
    }

    /** The message of a failure and of its causes, for a reader who sees no stack trace. */
    private static String message(Throwable e) {
        StringBuilder text =
                new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(System.lineSeparator())
                        .append("  caused by: ")
                        .append(cause.getMessage());
            }
        }
        if (!(e instanceof IllegalArgumentException)) {
            text.append(System.lineSeparator()).append("(--debug shows the stack trace)");
        }
        return text.toString();
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Name a subcommand: demo, train, publish, curves, evaluate, robustness, flattening or"
                        + " zoo.");
    }
}
