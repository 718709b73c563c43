/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBaseBlock;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.github.manifoldmixup.layer.DeclaredMixingPoint;
import io.github.manifoldmixup.layer.MixingPoint;
import io.github.manifoldmixup.loss.MixingRecord;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A transparent stand-in for the user's block while training: training forwards are mixed at one
 * drawn point, everything else (inference, parameters, initialization, saving, loading) is the
 * user's block itself.
 *
 * <p>The user's block is held, not registered as a child, so parameter names and the {@code
 * .params} file format are unchanged and a model saved during training loads into the plain block.
 */
final class MixingBlock extends AbstractBaseBlock {

    private final Block block;
    private final List<MixingPoint> points;
    private final List<MixupStrategy> strategies;
    private final MixingPlanner planner;
    private final MixingTally tally;
    private final TrainingPosition position;
    private final NonFiniteGuard guard;
    private volatile boolean validated;
    private final Set<String> checkedDeclared = ConcurrentHashMap.newKeySet();

    MixingBlock(
            Block block,
            List<MixingPoint> points,
            List<MixupStrategy> strategies,
            MixingPlanner planner,
            MixingTally tally,
            TrainingPosition position,
            NonFiniteGuard guard) {
        this.block = block;
        this.points = points;
        this.strategies = strategies;
        this.planner = planner;
        this.tally = tally;
        this.position = position;
        this.guard = guard;
    }

    /** Returns the user's block. */
    Block getBlock() {
        return block;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (!training) {
            return block.forward(parameterStore, inputs, false, params);
        }
        return mixedForward(parameterStore, inputs, null, params);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        return mixedForward(parameterStore, data, labels, params);
    }

    private NDList mixedForward(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params) {
        Shape shape = data.head().getShape();
        Optional<MixingPlan> drawn =
                shape.dimension() == 0 || shape.get(0) < 2
                        ? Optional.empty()
                        : planner.next((int) shape.get(0), position.epoch());
        if (drawn.isEmpty()) {
            tally.unmixed();
            NDList output = forwardChild(block, parameterStore, data, labels, params);
            return guard.mark(output, data, null, () -> "unmixed", null, null);
        }
        if (!validated) {
            validate(data.getShapes());
        }
        MixingPlan plan = drawn.get();
        MixingPoint point = points.get(plan.pointIndex());
        Mixer mixer = new Mixer(point, plan);
        NDList hidden =
                point.declared()
                        ? forwardDeclared(parameterStore, data, labels, params, mixer)
                        : forwardTo(
                                block,
                                point.path(),
                                0,
                                parameterStore,
                                data,
                                labels,
                                params,
                                mixer);
        NDList output = mixer.record.appendTo(hidden);
        tally.mixed(plan.strategyIndex(), plan.pointIndex(), plan.lambdas());
        return guard.mark(output, data, point.name(), mixer::describe, mixer.before, mixer.mixed);
    }

    /** Runs the user's block with the mixer in its params, for a point its forward declares. */
    private NDList forwardDeclared(
            ParameterStore parameterStore,
            NDList data,
            NDList labels,
            PairList<String, Object> params,
            Mixer mixer) {
        PairList<String, Object> carried =
                params == null ? new PairList<>() : new PairList<>(params.keys(), params.values());
        carried.add(DeclaredMixingPoint.MIXER_KEY, mixer);
        NDList output = forwardChild(block, parameterStore, data, labels, carried);
        if (mixer.record == null) {
            throw new IllegalStateException(
                    "Declared mixing point '"
                            + mixer.point.name()
                            + "' was drawn for this training batch, but the forward pass did not"
                            + " reach it. Call point.mix(hidden, params) in forwardInternal with the"
                            + " params it received, pass params on to the child blocks that hold"
                            + " points (child.forward(parameterStore, x, training, params)), and"
                            + " name only points every training forward passes (a point in a"
                            + " branch that did not run cannot be mixed).");
        }
        return output;
    }

    /** Runs {@code block}, mixing at {@code path[depth..]} inside it (an empty path: its input). */
    private static NDList forwardTo(
            Block block,
            List<Integer> path,
            int depth,
            ParameterStore parameterStore,
            NDList x,
            NDList labels,
            PairList<String, Object> params,
            Mixer mixer) {
        if (path.isEmpty()) {
            return forwardChild(block, parameterStore, mixer.mix(x), labels, params);
        }
        int target = path.get(depth);
        boolean last = depth == path.size() - 1;
        List<Block> children = block.getChildren().values();
        NDList current = x;
        for (int i = 0; i < children.size(); i++) {
            Block child = children.get(i);
            if (i == target && !last) {
                current =
                        forwardTo(
                                child,
                                path,
                                depth + 1,
                                parameterStore,
                                current,
                                labels,
                                params,
                                mixer);
            } else {
                current = forwardChild(child, parameterStore, current, labels, params);
                if (i == target) {
                    current = mixer.mix(current);
                }
            }
        }
        return current;
    }

    /** Calls a child exactly as {@code SequentialBlock} does on the same training path. */
    private static NDList forwardChild(
            Block child,
            ParameterStore parameterStore,
            NDList x,
            NDList labels,
            PairList<String, Object> params) {
        return labels == null
                ? child.forward(parameterStore, x, true, params)
                : child.forward(parameterStore, x, labels, params);
    }

    /** Checks once, before the first mixed batch, that every strategy can mix every point. */
    private synchronized void validate(Shape[] inputShapes) {
        if (validated) {
            return;
        }
        for (MixingPoint point : points) {
            if (point.declared()) {
                continue; // checked when first reached: only the forward pass knows its shape
            }
            Shape[] shapes = shapesAt(block, point.path(), 0, inputShapes);
            if (shapes.length != 1) {
                throw new IllegalArgumentException(
                        "Mixing point '"
                                + point
                                + "' outputs "
                                + shapes.length
                                + " arrays; only a single hidden-state array can be mixed."
                                + " Choose another layer.");
            }
            for (MixupStrategy strategy : strategies) {
                strategy.validate(point.name(), shapes[0]);
            }
        }
        validated = true;
    }

    private static Shape[] shapesAt(Block block, List<Integer> path, int depth, Shape[] input) {
        if (path.isEmpty()) {
            return input;
        }
        List<Block> children = block.getChildren().values();
        Shape[] current = input;
        for (int i = 0; i < path.get(depth); i++) {
            current = children.get(i).getOutputShapes(current);
        }
        Block target = children.get(path.get(depth));
        return depth == path.size() - 1
                ? target.getOutputShapes(current)
                : shapesAt(target, path, depth + 1, current);
    }

    /** Mixes the hidden state of one forward pass and keeps its record. */
    private final class Mixer implements DeclaredMixingPoint.Mixer {
        private final MixingPoint point;
        private final MixingPlan plan;
        private final Set<String> passed = new HashSet<>();
        private MixingRecord record;
        private NDArray before;
        private NDArray mixed;

        Mixer(MixingPoint point, MixingPlan plan) {
            this.point = point;
            this.plan = plan;
        }

        /** The strategy and coefficient, for messages. */
        String describe() {
            float[] lambdas = plan.lambdas();
            return "strategy '"
                    + strategies.get(plan.strategyIndex()).getName()
                    + (lambdas.length == 1
                            ? String.format(Locale.ROOT, "', lambda %.3f", lambdas[0])
                            : "', " + lambdas.length + " lambdas");
        }

        @Override
        public NDList mixAt(DeclaredMixingPoint declared, NDList hidden) {
            if (!passed.add(declared.getName())) {
                throw new IllegalStateException(
                        "Declared mixing point '"
                                + declared.getName()
                                + "' was passed twice in one forward pass. A point marks one"
                                + " place: declare one DeclaredMixingPoint per place, each with"
                                + " its own name.");
            }
            if (!declared.getName().equals(point.name())) {
                return hidden;
            }
            if (hidden.size() != 1) {
                throw new IllegalArgumentException(
                        "Declared mixing point '"
                                + point
                                + "' was given "
                                + hidden.size()
                                + " arrays; only a single hidden-state array can be mixed.");
            }
            Shape shape = hidden.head().getShape();
            if (!checkedDeclared.contains(point.name())) {
                for (MixupStrategy strategy : strategies) {
                    strategy.validate(point.name(), shape);
                }
                checkedDeclared.add(point.name());
            }
            return mix(hidden);
        }

        NDList mix(NDList hidden) {
            NDArray state = hidden.singletonOrThrow();
            NDManager manager = state.getManager();
            if (!manager.getDevice().equals(state.getDevice())) {
                // after Batch.split, arrays copied to a device keep their host-side manager
                manager = manager.newSubManager(state.getDevice());
            }
            NDArray permutation = manager.randomPermutation(state.getShape().get(0));
            MixingContext context =
                    new MixingContext(
                            point.name(),
                            plan.lambdas(),
                            permutation,
                            manager,
                            new SplittableRandom(plan.seed()));
            MixupStrategy strategy = strategies.get(plan.strategyIndex());
            MixedState result = strategy.mix(state, context);
            requireSameDevice(strategy, state, result);
            before = state;
            mixed = result.hidden();
            record = new MixingRecord(result.targetWeight(), permutation);
            return new NDList(mixed);
        }

        /** A strategy that creates arrays elsewhere than context.manager() fails clearly. */
        private void requireSameDevice(MixupStrategy strategy, NDArray state, MixedState result) {
            for (NDArray array : new NDArray[] {result.hidden(), result.targetWeight()}) {
                if (!array.getDevice().equals(state.getDevice())) {
                    throw new IllegalStateException(
                            "Mixing strategy '"
                                    + strategy.getName()
                                    + "' ("
                                    + strategy.getClass().getName()
                                    + ") returned an array on "
                                    + array.getDevice()
                                    + " for a hidden state on "
                                    + state.getDevice()
                                    + " at '"
                                    + point.name()
                                    + "'. Create every array in mix() with context.manager(),"
                                    + " which is on the activation's device.");
                }
            }
        }
    }

    // Everything below is the user's block itself.

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        block.initialize(manager, dataType, inputShapes);
        validate(inputShapes);
    }

    @Override
    public boolean isInitialized() {
        return block.isInitialized();
    }

    @Override
    public BlockList getChildren() {
        return block.getChildren();
    }

    @Override
    public ParameterList getDirectParameters() {
        return block.getDirectParameters();
    }

    @Override
    public ParameterList getParameters() {
        return block.getParameters();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return block.getOutputShapes(inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes, DataType[] inputDataTypes) {
        return block.getOutputShapes(inputShapes, inputDataTypes);
    }

    @Override
    public Shape[] getInputShapes() {
        return block.getInputShapes();
    }

    @Override
    public DataType[] getOutputDataTypes() {
        return block.getOutputDataTypes();
    }

    @Override
    public PairList<String, Shape> describeInput() {
        return block.describeInput();
    }

    @Override
    public void setInitializer(Initializer initializer, Parameter.Type type) {
        block.setInitializer(initializer, type);
    }

    @Override
    public void setInitializer(Initializer initializer, String paramName) {
        block.setInitializer(initializer, paramName);
    }

    @Override
    public void setInitializer(Initializer initializer, Predicate<Parameter> predicate) {
        block.setInitializer(initializer, predicate);
    }

    @Override
    public void freezeParameters(boolean freeze) {
        block.freezeParameters(freeze);
    }

    @Override
    public void freezeParameters(boolean freeze, Predicate<Parameter> pred) {
        block.freezeParameters(freeze, pred);
    }

    @Override
    public void cast(DataType dataType) {
        block.cast(dataType);
    }

    @Override
    public void clear() {
        block.clear();
    }

    @Override
    public void saveParameters(DataOutputStream os) throws IOException {
        block.saveParameters(os);
    }

    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        block.loadParameters(manager, is);
    }

    @Override
    public Map<String, String> getCustomMetadata() {
        return block.getCustomMetadata();
    }

    @Override
    public String toString() {
        return block.toString();
    }
}
