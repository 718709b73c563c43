/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.tracker.Tracker;
import io.github.manifoldmixup.layer.LayerSelector;
import io.github.manifoldmixup.layer.MixingPoint;
import io.github.manifoldmixup.loss.MixupLoss;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.strategy.MixupStrategy;
import io.github.manifoldmixup.strategy.StrategyChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Manifold Mixup (Verma et al., ICML 2019) to any DJL {@link Trainer}.
 *
 * <p>For each training batch the listener draws one mixing point {@code k} uniformly from the
 * eligible set, a coefficient {@code lambda ~ Beta(alpha, alpha)} and a random permutation {@code
 * p} of the batch (on the activation's device); runs the network up to {@code k}; replaces the
 * hidden batch {@code h} by {@code lambda * h + (1 - lambda) * h[p]} (or what the chosen {@link
 * MixupStrategy} makes of it); and finishes the forward pass. {@link MixupLoss} then trains against
 * the equally mixed targets. Gradients flow through every layer, those before {@code k} included.
 * Validation, {@code trainer.evaluate} and predictors never mix.
 *
 * <p>How: when the trainer is created ({@link #onTrainingBegin}) the listener checks the
 * configuration and puts a transparent stand-in for the model's block in its place; when the
 * trainer is closed ({@link #onTrainingEnd}, also after a training step threw) it puts the user's
 * block object back. Parameter names and the saved file format are unchanged throughout.
 *
 * <pre>{@code
 * ManifoldMixupTrainingListener mixup = ManifoldMixupTrainingListener.builder()
 *         .optAlpha(2f)
 *         .optMixingLayers("01Conv2d", "04ParallelBlock")
 *         .optIncludeInput(true)
 *         .optSeed(42)
 *         .build();
 * TrainingConfig config = new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
 *         .addTrainingListeners(mixup);
 * }</pre>
 *
 * <p>Reproducibility: the same {@link Builder#optSeed seed} gives the same sequence of mixing
 * points and coefficients; permutations come from the engine's generator on the device, so they
 * repeat when the engine is seeded too ({@code Engine.getInstance().setRandomSeed(seed)}).
 *
 * <p>Per epoch the listener logs how often each point was mixed and the mean coefficient; {@link
 * #getEpochStatistics()} returns the same figures.
 *
 * <p>Faults: by default the first NaN or infinity in a mixed hidden state or a training loss stops
 * training with a {@link NonFiniteValueException} that names the layer and the batch ({@link
 * Builder#optNonFiniteCheck}). Whatever ends training, closing the trainer puts the user's block
 * back; to resume from a checkpoint, load it and call {@link #setEpoch} before training on.
 */
public final class ManifoldMixupTrainingListener extends TrainingListenerAdapter {

    private static final Logger logger =
            LoggerFactory.getLogger(ManifoldMixupTrainingListener.class);

    private final float alpha;
    private final MixupOptions options;

    private final List<MixingStatistics> epochStatistics = new ArrayList<>();
    private final TrainingPosition position = new TrainingPosition();
    private Attachment attachment;

    private ManifoldMixupTrainingListener(float alpha, MixupOptions options) {
        this.alpha = alpha;
        this.options = options;
    }

    /**
     * Returns a builder with the paper's defaults: {@code alpha = 2}, automatic layer choice,
     * strategy {@code "mixup"}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the configuration against the trainer and swaps the model's block for a mixing
     * stand-in.
     *
     * @param trainer the trainer being created
     * @throws IllegalArgumentException if the loss is not wrapped in {@link MixupLoss}, a layer is
     *     unknown, the block cannot be mixed or the strategy does not support the engine
     * @throws IllegalStateException if this listener is already attached to another trainer
     */
    @Override
    public synchronized void onTrainingBegin(Trainer trainer) {
        if (attachment != null) {
            throw new IllegalStateException(
                    "This ManifoldMixupTrainingListener is already attached to a trainer of model '"
                            + attachment.model.getName()
                            + "'. Close that trainer first, or build one listener per trainer.");
        }
        if (!(trainer.getLoss() instanceof MixupLoss)) {
            throw new IllegalArgumentException(
                    "ManifoldMixupTrainingListener needs a mixup-aware loss, but the trainer's loss"
                            + " is "
                            + trainer.getLoss().getClass().getSimpleName()
                            + ". Wrap it: new DefaultTrainingConfig(MixupLoss.wrap("
                            + describeLoss(trainer)
                            + "))");
        }
        MixupLoss loss = (MixupLoss) trainer.getLoss();
        Engine engine = trainer.getManager().getEngine();
        List<MixupStrategy> strategies = new ArrayList<>();
        for (StrategyChoice choice : options.choices()) {
            MixupStrategy strategy = MixupStrategies.forEngine(choice.strategy(), engine);
            strategies.add(strategy);
            if (!strategy.supports(engine)) {
                throw new IllegalArgumentException(
                        "Mixing strategy '"
                                + strategy.getName()
                                + "' ("
                                + strategy.getClass().getName()
                                + ") does not support the "
                                + engine.getEngineName()
                                + " engine. Available strategies: "
                                + String.join(", ", MixupStrategies.names()));
            }
            if (strategy.perExampleWeights(options.lambdaMode())
                    && !loss.supportsPerExampleWeights()) {
                throw new IllegalArgumentException(
                        "Mixing strategy '"
                                + strategy.getName()
                                + "' in lambda mode "
                                + options.lambdaMode()
                                + " gives one target weight per example, which "
                                + loss.getName()
                                + " cannot apply. Train with soft targets instead: new"
                                + " DefaultTrainingConfig(SoftTargetLoss.crossEntropy().build())");
            }
        }
        Model model = trainer.getModel();
        Block block = model.getBlock();
        if (block instanceof MixingBlock) {
            throw new IllegalStateException(
                    "The model is already being mixed by another ManifoldMixupTrainingListener;"
                            + " add only one to a training configuration.");
        }
        List<MixingPoint> points =
                LayerSelector.select(block, options.mixingLayers(), options.includeInput());
        MixingTally tally =
                new MixingTally(
                        points.stream().map(MixingPoint::name).toList(),
                        strategies.stream().map(MixupStrategy::getName).toList());
        MixingPlanner planner = new MixingPlanner(options, points.size());
        NonFiniteGuard guard = new NonFiniteGuard(options.nonFiniteCheck(), loss, block, position);
        position.startTrainer();
        model.setBlock(new MixingBlock(block, points, strategies, planner, tally, position, guard));
        attachment = new Attachment(model, block, tally, guard);
        epochStatistics.clear();
        logger.info(
                "Manifold Mixup: {}, mixing at {} ({})",
                options.choices().stream()
                        .map(c -> "'" + c.strategy().getName() + "' alpha " + c.alpha())
                        .collect(Collectors.joining(", ")),
                points.stream().map(MixingPoint::name).collect(Collectors.joining(", ")),
                origin(points));
    }

    /** Says which of the points the user named and which the listener chose. */
    private String origin(List<MixingPoint> points) {
        if (!options.mixingLayers().isEmpty()) {
            return "as configured";
        }
        boolean input = options.includeInput() && points.stream().anyMatch(MixingPoint::isInput);
        if (!input) {
            return "chosen automatically";
        }
        return points.size() == 1
                ? "as configured"
                : "input as configured, the others chosen automatically";
    }

    /**
     * Records and logs what was mixed during the epoch that just ended.
     *
     * @param trainer the trainer
     */
    @Override
    public synchronized void onEpoch(Trainer trainer) {
        if (attachment == null) {
            return;
        }
        MixingStatistics statistics = attachment.tally.takeEpoch(position.endEpoch());
        epochStatistics.add(statistics);
        logger.info("Manifold Mixup {}", statistics);
    }

    /**
     * Sets the 0-based epoch the next batches belong to, for schedules and the off epoch. {@link
     * #onEpoch} advances it by one; set it when resuming a run, or from a custom training loop that
     * does not call {@code onEpoch}.
     *
     * @param epoch the 0-based epoch
     */
    public void setEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("An epoch is non-negative, got " + epoch);
        }
        position.setEpoch(epoch);
    }

    /**
     * Returns the 0-based epoch the next batches belong to.
     *
     * @return the epoch
     */
    public int getEpoch() {
        return position.epoch();
    }

    /**
     * Counts the training batch that just ended, for the position the non-finite check reports.
     *
     * @param trainer the trainer
     * @param batchData the batch
     */
    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        Attachment current = attachment;
        if (current != null) {
            current.guard.endBatch();
        }
        position.endBatch();
    }

    /**
     * Puts the user's block back into the model. Runs when the trainer is closed, so also after a
     * training step threw; calling it again does nothing.
     *
     * @param trainer the trainer
     */
    @Override
    public synchronized void onTrainingEnd(Trainer trainer) {
        if (attachment == null) {
            return;
        }
        attachment.model.setBlock(attachment.block);
        attachment.guard.close();
        attachment = null;
    }

    /**
     * Returns what was mixed in each completed epoch of the current (or last) training run.
     *
     * @return one entry per epoch, oldest first
     */
    public synchronized List<MixingStatistics> getEpochStatistics() {
        return Collections.unmodifiableList(new ArrayList<>(epochStatistics));
    }

    /**
     * Returns the coefficient distribution's parameter.
     *
     * @return alpha of {@code Beta(alpha, alpha)}
     */
    public float getAlpha() {
        return alpha;
    }

    /**
     * Returns the strategy that mixes the hidden states, the first one if there are several.
     *
     * @return the strategy
     */
    public MixupStrategy getStrategy() {
        return options.choices().get(0).strategy();
    }

    /**
     * Returns the strategies a mixed batch is drawn from, with their weights and alphas.
     *
     * @return the choices
     */
    public List<StrategyChoice> getStrategies() {
        return options.choices();
    }

    /** Returns the configuration, for the planner's tests. */
    MixupOptions options() {
        return options;
    }

    private static String describeLoss(Trainer trainer) {
        String name = trainer.getLoss().getClass().getSimpleName();
        return "SoftmaxCrossEntropyLoss".equals(name) ? "Loss.softmaxCrossEntropyLoss()" : "loss";
    }

    /** The model being trained, its own block, the current epoch's counters and the check. */
    private record Attachment(Model model, Block block, MixingTally tally, NonFiniteGuard guard) {}

    /** Configures a {@link ManifoldMixupTrainingListener}. */
    public static final class Builder {

        private float alpha = 2f;
        private final List<String> mixingLayers = new ArrayList<>();
        private boolean includeInput;
        private long seed = ThreadLocalRandom.current().nextLong();
        private String strategyName = MixupStrategies.DEFAULT;
        private MixupStrategy strategy;
        private final List<WeightedStrategy> weighted = new ArrayList<>();
        private float probability = 1f;
        private LambdaMode lambdaMode = LambdaMode.BATCH;
        private boolean foldLambda;
        private Tracker schedule = Tracker.fixed(1f);
        private int offEpoch = Integer.MAX_VALUE;
        private boolean nonFiniteCheck = true;

        private Builder() {}

        /**
         * Sets alpha: {@code lambda ~ Beta(alpha, alpha)}. The paper uses 2.0 on CIFAR-10/100 and
         * SVHN, 0.2 on Tiny-ImageNet.
         *
         * @param alpha a positive number; default 2.0
         * @return this builder
         */
        public Builder optAlpha(float alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * Sets the layers whose outputs may be mixed; one is drawn uniformly per batch. Names are
         * children of the model's {@code SequentialBlock} ({@code "04ParallelBlock"}), their
         * 1-based numbers ({@code "4"}), or nested paths ({@code "02SequentialBlock/03Conv2d"}).
         * Without this option the listener chooses the block boundaries before the classifier (see
         * {@link LayerSelector}) and logs its choice.
         *
         * @param layers the layer names
         * @return this builder
         */
        public Builder optMixingLayers(String... layers) {
            mixingLayers.clear();
            mixingLayers.addAll(Arrays.asList(layers));
            return this;
        }

        /**
         * Sets the layers whose outputs may be mixed by their 1-based child numbers, the numbers in
         * DJL's child names ({@code 4} is {@code "04ParallelBlock"}); {@code 0} is the input.
         *
         * @param layers the child numbers
         * @return this builder
         */
        public Builder optMixingLayers(int... layers) {
            mixingLayers.clear();
            Arrays.stream(layers).mapToObj(String::valueOf).forEach(mixingLayers::add);
            return this;
        }

        /**
         * Sets whether the input is one more mixing candidate (input mixup when drawn).
         *
         * @param includeInput default {@code false}
         * @return this builder
         */
        public Builder optIncludeInput(boolean includeInput) {
            this.includeInput = includeInput;
            return this;
        }

        /**
         * Sets the seed of the mixing points and coefficients.
         *
         * @param seed default: a random seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Selects a strategy by name among those on the class path.
         *
         * @param name default {@code "mixup"}, the interpolation of the paper
         * @return this builder
         */
        public Builder optStrategy(String name) {
            this.strategyName = Objects.requireNonNull(name, "name");
            this.strategy = null;
            return this;
        }

        /**
         * Uses the given strategy instance.
         *
         * @param strategy a strategy, which must be safe to call from several threads
         * @return this builder
         */
        public Builder optStrategy(MixupStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            this.strategyName = strategy.getName();
            return this;
        }

        /**
         * Adds a strategy to draw from, by name, with the listener's alpha. With strategies added,
         * each mixed batch uses one of them, drawn with probability proportional to its weight
         * (timm's {@code switch_prob} is the two-strategy case); {@link #optStrategy} is then
         * ignored.
         *
         * @param name a strategy's name
         * @param weight its relative weight, non-negative
         * @return this builder
         */
        public Builder addStrategy(String name, float weight) {
            return addStrategy(name, weight, Float.NaN);
        }

        /**
         * Adds a strategy to draw from, by name, with its own alpha (as timm's {@code mixup_alpha}
         * and {@code cutmix_alpha}).
         *
         * @param name a strategy's name
         * @param weight its relative weight, non-negative
         * @param alpha its {@code Beta(alpha, alpha)} parameter, positive
         * @return this builder
         */
        public Builder addStrategy(String name, float weight, float alpha) {
            weighted.add(
                    new WeightedStrategy(
                            Objects.requireNonNull(name, "name"), null, weight, alpha));
            return this;
        }

        /**
         * Adds a strategy instance to draw from, with its own alpha.
         *
         * @param strategy a strategy, which must be safe to call from several threads
         * @param weight its relative weight, non-negative
         * @param alpha its {@code Beta(alpha, alpha)} parameter, positive
         * @return this builder
         */
        public Builder addStrategy(MixupStrategy strategy, float weight, float alpha) {
            weighted.add(
                    new WeightedStrategy(
                            null, Objects.requireNonNull(strategy, "strategy"), weight, alpha));
            return this;
        }

        /**
         * Sets the probability that a training batch is mixed at all (timm's {@code prob}).
         *
         * @param probability in {@code [0, 1]}; default 1
         * @return this builder
         */
        public Builder optProbability(float probability) {
            this.probability = probability;
            return this;
        }

        /**
         * Sets one coefficient per batch (the paper's rule) or one per example.
         *
         * @param lambdaMode default {@link LambdaMode#BATCH}
         * @return this builder
         */
        public Builder optLambdaMode(LambdaMode lambdaMode) {
            this.lambdaMode = Objects.requireNonNull(lambdaMode, "lambdaMode");
            return this;
        }

        /**
         * Sets whether each coefficient is folded to {@code max(lambda, 1 - lambda)}, so that the
         * original example always dominates its mix.
         *
         * @param foldLambda default {@code false}
         * @return this builder
         */
        public Builder optFoldLambda(boolean foldLambda) {
            this.foldLambda = foldLambda;
            return this;
        }

        /**
         * Sets how alpha changes with the epoch (fastai's dynamic mixup): in epoch {@code e}
         * (0-based) every strategy's alpha is multiplied by {@code schedule.getNewValue(e)}, a
         * factor in {@code [0, 1]}; a factor of 0 mixes nothing that epoch. Any DJL {@link Tracker}
         * serves, its updates counted in epochs: {@code Tracker.warmUp()} with a {@code
         * Tracker.fixed(1f)} main tracker is a linear ramp, {@link
         * io.github.manifoldmixup.tracker.CosineWarmUpTracker} a cosine ramp. The listener learns
         * the epoch from {@code onEpoch} (as {@code EasyTrain.fit} sends it) or {@link
         * ManifoldMixupTrainingListener#setEpoch}.
         *
         * @param schedule default {@code Tracker.fixed(1f)}, the same alpha in every epoch
         * @return this builder
         */
        public Builder optAlphaSchedule(Tracker schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Stops mixing from an epoch on (timm's {@code mixup_off_epoch}): batches of that epoch
         * (0-based) and later train unmixed.
         *
         * @param offEpoch the first unmixed epoch, non-negative; default: never
         * @return this builder
         */
        public Builder optMixingOffEpoch(int offEpoch) {
            this.offEpoch = offEpoch;
            return this;
        }

        /**
         * Sets whether each training batch is checked for non-finite values: the mixed hidden state
         * (at its mixing point) and the loss (when the trainer passes labels to the forward pass,
         * as {@code EasyTrain} does). The first NaN or infinity stops training with a {@link
         * NonFiniteValueException} that names the layer, the batch and the step, and says whether
         * the input batch, the parameters, the state before mixing or the labels were already
         * non-finite. Batches are counted from DJL's {@code onTrainingBatch} callbacks, which
         * {@code EasyTrain.trainBatch} sends; a custom loop that skips them sees batch 0 reported.
         *
         * <p>When: as soon as the trainer has computed the loss of the batch ({@link MixupLoss}
         * calls the check), before the backward pass and before DJL's own divergence check. Cost:
         * one reduction of the mixed state on the device and one value read back to the host per
         * batch; no second loss evaluation. With the check off, nothing. See {@code
         * docs/benchmarks.md}.
         *
         * @param check default {@code true}
         * @return this builder
         */
        public Builder optNonFiniteCheck(boolean check) {
            this.nonFiniteCheck = check;
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         * @throws IllegalArgumentException if alpha is not positive, a layer name is null, a
         *     strategy is unknown, a weight is negative or the weights do not sum to a positive
         *     number, the probability is outside {@code [0, 1]} or the off epoch is negative
         */
        public ManifoldMixupTrainingListener build() {
            List<StrategyChoice> choices = new ArrayList<>();
            if (weighted.isEmpty()) {
                MixupStrategy single =
                        strategy != null ? strategy : MixupStrategies.find(strategyName);
                choices.add(new StrategyChoice(single, 1f, alpha));
            }
            for (WeightedStrategy entry : weighted) {
                MixupStrategy resolved =
                        entry.strategy != null ? entry.strategy : MixupStrategies.find(entry.name);
                float ownAlpha = Float.isNaN(entry.alpha) ? alpha : entry.alpha;
                choices.add(new StrategyChoice(resolved, entry.weight, ownAlpha));
            }
            MixupOptions options =
                    new MixupOptions(
                            choices,
                            mixingLayers,
                            includeInput,
                            seed,
                            probability,
                            lambdaMode,
                            foldLambda,
                            schedule,
                            offEpoch,
                            nonFiniteCheck);
            return new ManifoldMixupTrainingListener(alpha, options);
        }

        /** A strategy added by name or as an instance, before it is resolved. */
        private record WeightedStrategy(
                String name, MixupStrategy strategy, float weight, float alpha) {}
    }
}
