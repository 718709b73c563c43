/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.tracker.CosineWarmUpTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Every setting of {@link ManifoldMixupTrainingListener.Builder} as command-line options, for
 * {@code train}. With none of them given there is no mixing.
 */
public final class ListenerOptions {

    @Option(
            names = "--alpha",
            description = "alpha of Beta(alpha, alpha), the mixing weights' distribution")
    private Float alpha;

    @Option(
            names = "--layers",
            split = ",",
            paramLabel = "LAYER",
            description =
                    "where to mix: 'input', top-level block names or 1-based numbers, nested paths"
                            + " (default: the network's automatic choice)")
    private List<String> layers;

    @Option(names = "--include-input", description = "add the input to the automatic layers")
    private boolean includeInput;

    @Option(
            names = "--strategy",
            paramLabel = "NAME[:WEIGHT[:ALPHA]]",
            description =
                    "a mixing rule (mixup, cutmix, patchup or a plugged-in one); repeat it to draw"
                            + " one rule per batch by weight, each with its own alpha")
    private List<String> strategies;

    @Option(names = "--probability", description = "the chance a batch is mixed (default 1)")
    private Float probability;

    @Option(
            names = "--lambda-mode",
            description = "one weight per batch or per example: ${COMPLETION-CANDIDATES}")
    private LambdaMode lambdaMode;

    @Option(names = "--fold-lambda", description = "use max(lambda, 1 - lambda)")
    private boolean foldLambda;

    @Option(
            names = "--alpha-schedule",
            paramLabel = "constant|linear:START:EPOCHS|cosine:START:EPOCHS",
            description = "how alpha grows with the epoch (default constant)")
    private String schedule;

    @Option(names = "--mixing-off-epoch", description = "the first epoch (0-based) not mixed")
    private Integer offEpoch;

    /**
     * Returns whether any option was given.
     *
     * @return true if the user asked for mixing through these options
     */
    public boolean any() {
        return !describe().isEmpty();
    }

    /**
     * Returns the options given, as they would be typed, in a fixed order; checkpoints record it so
     * that a run is resumed only with the options it started with.
     *
     * @return for example {@code "--alpha 2.0 --layers input,01SequentialBlock"}, empty if none
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "--alpha", alpha);
        add(parts, "--layers", layers == null ? null : String.join(",", layers));
        add(parts, "--include-input", includeInput ? "" : null);
        if (strategies != null) {
            strategies.forEach(s -> add(parts, "--strategy", s));
        }
        add(parts, "--probability", probability);
        add(parts, "--lambda-mode", lambdaMode);
        add(parts, "--fold-lambda", foldLambda ? "" : null);
        add(parts, "--alpha-schedule", schedule);
        add(parts, "--mixing-off-epoch", offEpoch);
        return String.join(" ", parts).trim();
    }

    /**
     * Builds the listener these options describe.
     *
     * @param seed the listener's seed
     * @return the listener, or empty if no option was given
     * @throws IllegalArgumentException if a value is malformed or out of range; the message says
     *     which and what is expected
     */
    public Optional<ManifoldMixupTrainingListener> listener(long seed) {
        if (!any()) {
            return Optional.empty();
        }
        ManifoldMixupTrainingListener.Builder builder =
                ManifoldMixupTrainingListener.builder().optSeed(seed);
        if (alpha != null) {
            builder.optAlpha(alpha);
        }
        if (layers != null) {
            builder.optMixingLayers(layers.toArray(String[]::new));
        }
        builder.optIncludeInput(includeInput).optFoldLambda(foldLambda);
        if (strategies != null) {
            strategies.forEach(s -> addStrategy(builder, s));
        }
        if (probability != null) {
            builder.optProbability(probability);
        }
        if (lambdaMode != null) {
            builder.optLambdaMode(lambdaMode);
        }
        if (schedule != null) {
            builder.optAlphaSchedule(schedule(schedule));
        }
        if (offEpoch != null) {
            builder.optMixingOffEpoch(offEpoch);
        }
        return Optional.of(builder.build());
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add((name + " " + value).trim());
        }
    }

    private static void addStrategy(ManifoldMixupTrainingListener.Builder builder, String spec) {
        String[] fields = spec.split(":", -1);
        if (fields.length > 3 || fields[0].isEmpty()) {
            throw new IllegalArgumentException(
                    "--strategy takes NAME[:WEIGHT[:ALPHA]], for example cutmix:0.5:1.0; got '"
                            + spec
                            + "'.");
        }
        float weight = fields.length > 1 ? number("--strategy weight", fields[1]) : 1f;
        if (fields.length > 2) {
            builder.addStrategy(fields[0], weight, number("--strategy alpha", fields[2]));
        } else {
            builder.addStrategy(fields[0], weight);
        }
    }

    private static Tracker schedule(String spec) {
        String[] fields = spec.toLowerCase(Locale.ROOT).split(":", -1);
        if (fields.length == 1 && "constant".equals(fields[0])) {
            return Tracker.fixed(1f);
        }
        if (fields.length == 3 && ("linear".equals(fields[0]) || "cosine".equals(fields[0]))) {
            float start = number("--alpha-schedule start", fields[1]);
            int epochs = (int) number("--alpha-schedule epochs", fields[2]);
            if (!(start >= 0 && start <= 1) || epochs < 1) {
                throw new IllegalArgumentException(
                        "--alpha-schedule needs a START in [0, 1] and at least one epoch, got '"
                                + spec
                                + "'.");
            }
            return "linear".equals(fields[0])
                    ? Tracker.warmUp()
                            .optWarmUpBeginValue(start)
                            .optWarmUpSteps(epochs)
                            .setMainTracker(Tracker.fixed(1f))
                            .build()
                    : CosineWarmUpTracker.builder()
                            .optBeginValue(start)
                            .setWarmUpSteps(epochs)
                            .build();
        }
        throw new IllegalArgumentException(
                "--alpha-schedule takes constant, linear:START:EPOCHS or cosine:START:EPOCHS (for"
                        + " example linear:0:10); got '"
                        + spec
                        + "'.");
    }

    private static float number(String what, String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + text + "'.", e);
        }
    }
}
