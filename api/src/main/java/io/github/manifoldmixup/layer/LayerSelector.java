/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.layer;

import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.SymbolBlock;
import ai.djl.util.Pair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns layer names into {@link MixingPoint}s of a block, or chooses them when none are named.
 *
 * <p><b>Naming a layer.</b> A mixing layer is named by a child of the model's {@link
 * SequentialBlock} and means "the output of that child": its DJL name ({@code "04ParallelBlock"}),
 * or its 1-based number ({@code "4"}, the number in DJL's name). Children of nested {@code
 * SequentialBlock}s are reached with {@code '/'}: {@code "02SequentialBlock/03Conv2d"} or {@code
 * "2/3"}. {@code "input"} (or {@code "0"}) is the input itself.
 *
 * <p><b>Automatic choice.</b> With no layers named, the eligible points are the boundaries between
 * the top-level children that come before the classifier (the last child that has parameters).
 * Residual units are never split, since only top-level boundaries are used. A boundary that feeds
 * straight into a parameter-free child (an activation, pooling, flatten or dropout block) is
 * skipped in favour of the end of that run, so that {@code Linear, ReLU} counts as one layer, and
 * parameter-free children before the first layer with parameters (a flatten) are part of the input.
 * For DJL's {@code ResNetV1} on 28x28 inputs this gives the stem, each residual unit but the last,
 * and the pooled features.
 *
 * <p><b>Declared points.</b> A network whose forward pass is code declares its points ({@link
 * DeclaredMixingPoint}, returned by a block that implements {@link DeclaresMixingPoints}, at any
 * depth); they are named by their own names, and when there are any the automatic choice is all of
 * them. A {@code SymbolBlock} (a TorchScript model), whose inside DJL cannot see, trains with input
 * mixup, and the listener says so once.
 */
public final class LayerSelector {

    private static final Logger logger = LoggerFactory.getLogger(LayerSelector.class);

    private static final String SEPARATOR = "/";

    private LayerSelector() {}

    /**
     * Resolves the mixing points of a block.
     *
     * @param block the model's block
     * @param layers the named layers; empty for the automatic choice
     * @param includeInput whether the input is one more candidate
     * @return the mixing points, in the order given (the input first when included)
     * @throws IllegalArgumentException if a name is unknown or the block cannot be mixed; the
     *     message lists the available names or says what is supported
     */
    public static List<MixingPoint> select(Block block, List<String> layers, boolean includeInput) {
        if (block == null) {
            throw new IllegalArgumentException(
                    "The model has no block. Set one with model.setBlock(...) before creating the"
                            + " trainer.");
        }
        Set<String> declared = declaredNames(block);
        Set<MixingPoint> points = new LinkedHashSet<>();
        if (includeInput) {
            points.add(MixingPoint.INPUT_POINT);
        }
        if (layers.isEmpty()) {
            if (!declared.isEmpty()) {
                declared.forEach(name -> points.add(MixingPoint.declared(name)));
            } else if (block instanceof SymbolBlock) {
                logger.warn(
                        "Manifold Mixup: the model's block is a {}, whose inside DJL cannot see, so"
                                + " it trains with input mixup only. For hidden-state mixing, build"
                                + " the network in DJL (a SequentialBlock, or a block with"
                                + " DeclaredMixingPoints).",
                        block.getClass().getSimpleName());
                points.add(MixingPoint.INPUT_POINT);
            } else {
                points.addAll(automatic(block, includeInput));
            }
        }
        for (String layer : layers) {
            MixingPoint point =
                    declared.contains(layer) ? MixingPoint.declared(layer) : resolve(block, layer);
            if (!points.add(point)) {
                throw new IllegalArgumentException(
                        "Mixing layer '" + layer + "' is named twice (as " + point + ").");
            }
        }
        return List.copyOf(points);
    }

    /**
     * Returns every name {@link #select} accepts for a block: the input, the declared points and
     * each child path.
     *
     * @param block the model's block
     * @return the names, depth first
     */
    public static List<String> availableNames(Block block) {
        List<String> names = new ArrayList<>();
        names.add(MixingPoint.INPUT);
        names.addAll(declaredNames(block));
        if (block instanceof SequentialBlock) {
            collectNames(block, "", names);
        }
        return names;
    }

    private static void collectNames(Block block, String prefix, List<String> names) {
        for (Pair<String, Block> child : block.getChildren()) {
            String name = prefix + child.getKey();
            names.add(name);
            if (child.getValue() instanceof SequentialBlock) {
                collectNames(child.getValue(), name + SEPARATOR, names);
            }
        }
    }

    /**
     * Returns the names of the points declared by the block and every block below it, in tree
     * order.
     *
     * @throws IllegalArgumentException if two points share a name
     */
    private static Set<String> declaredNames(Block root) {
        Map<String, String> owners = new LinkedHashMap<>();
        Deque<Block> pending = new ArrayDeque<>(List.of(root));
        Set<Block> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Block block = pending.removeFirst();
            if (!seen.add(block)) {
                continue;
            }
            if (block instanceof DeclaresMixingPoints declaring) {
                for (DeclaredMixingPoint point : declaring.getDeclaredMixingPoints()) {
                    String owner = block.getClass().getSimpleName();
                    String before = owners.putIfAbsent(point.getName(), owner);
                    if (before != null) {
                        throw new IllegalArgumentException(
                                "Two declared mixing points are named '"
                                        + point.getName()
                                        + "' (in "
                                        + before
                                        + " and in "
                                        + owner
                                        + "). Give each DeclaredMixingPoint its own name, so that"
                                        + " optMixingLayers can tell them apart.");
                    }
                }
            }
            pending.addAll(block.getChildren().values());
        }
        return owners.keySet();
    }

    private static List<MixingPoint> automatic(Block block, boolean includeInput) {
        if (!(block instanceof SequentialBlock)) {
            if (includeInput) {
                return List.of();
            }
            throw unsupported(block);
        }
        requireChainOutput(block, block.getClass().getSimpleName());
        List<Pair<String, Block>> children = block.getChildren().stream().toList();
        int classifier = -1;
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).getValue().getParameters().isEmpty()) {
                classifier = i;
            }
        }
        List<MixingPoint> points = new ArrayList<>();
        boolean afterParameters = false;
        for (int i = 0; i < classifier; i++) {
            afterParameters |= !children.get(i).getValue().getParameters().isEmpty();
            if (afterParameters && !children.get(i + 1).getValue().getParameters().isEmpty()) {
                points.add(new MixingPoint(children.get(i).getKey(), List.of(i)));
            }
        }
        if (points.isEmpty() && !includeInput) {
            throw new IllegalArgumentException(
                    "Found no block boundary before the classifier in the model's SequentialBlock"
                            + " (children: "
                            + String.join(", ", block.getChildren().keys())
                            + "). Name the layers with optMixingLayers(...) or mix the input with"
                            + " optIncludeInput(true).");
        }
        return points;
    }

    private static MixingPoint resolve(Block root, String layer) {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("A mixing layer name is empty.");
        }
        if (MixingPoint.INPUT.equals(layer) || "0".equals(layer)) {
            return MixingPoint.INPUT_POINT;
        }
        if (!(root instanceof SequentialBlock)) {
            throw unsupported(root);
        }
        List<Integer> path = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        Block current = root;
        for (String segment : layer.split(SEPARATOR, -1)) {
            if (!(current instanceof SequentialBlock)) {
                throw cannotMixInside(current, name.toString());
            }
            requireChainOutput(current, name.length() == 0 ? "the model's block" : name.toString());
            List<Pair<String, Block>> children = current.getChildren().stream().toList();
            int index = indexOf(children, segment);
            if (index < 0) {
                throw new IllegalArgumentException(
                        "Unknown mixing layer '"
                                + layer
                                + "'. Available: "
                                + String.join(", ", availableNames(root))
                                + ". Name a child of the model's SequentialBlock by its name or its"
                                + " 1-based number (\"04ParallelBlock\" or \"4\"), nested ones"
                                + " joined with '/'.");
            }
            path.add(index);
            if (name.length() > 0) {
                name.append(SEPARATOR);
            }
            name.append(children.get(index).getKey());
            current = children.get(index).getValue();
        }
        return new MixingPoint(name.toString(), path);
    }

    /**
     * The error for a path that goes on below a block that is not a {@code SequentialBlock}, saying
     * what that block is: a {@code ParallelBlock} (a residual unit's branches), a block with other
     * children, or one with none at all (a {@code LambdaBlock}, a {@code Linear}).
     */
    private static IllegalArgumentException cannotMixInside(Block block, String name) {
        String kind = block.getClass().getSimpleName();
        String why;
        if (block instanceof ParallelBlock) {
            why =
                    "its children are parallel branches (as in a residual unit), and the library"
                            + " never mixes between branches";
        } else if (block.getChildren().isEmpty()) {
            why = "it has no children to mix between";
        } else {
            why = "its children are not a chain the library can cut";
        }
        return new IllegalArgumentException(
                "Cannot mix inside '"
                        + name
                        + "' (a "
                        + kind
                        + ", not a SequentialBlock): "
                        + why
                        + "; the library mixes only at child boundaries of SequentialBlocks. Mix"
                        + " at '"
                        + name
                        + "' itself.");
    }

    private static int indexOf(List<Pair<String, Block>> children, String segment) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).getKey().equals(segment)) {
                return i;
            }
        }
        if (segment.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(segment);
            if (number >= 1 && number <= children.size()) {
                return number - 1;
            }
        }
        return -1;
    }

    private static void requireChainOutput(Block block, String what) {
        if (((SequentialBlock) block).isReturnIntermediate()) {
            throw new IllegalArgumentException(
                    what
                            + " is a SequentialBlock that returns its intermediate outputs"
                            + " (setReturnIntermediate(true)); mixing needs a plain chain.");
        }
    }

    private static IllegalArgumentException unsupported(Block block) {
        if (block instanceof SymbolBlock) {
            return new IllegalArgumentException(
                    "Cannot mix hidden states of a "
                            + block.getClass().getSimpleName()
                            + " (a TorchScript or other imported model): DJL cannot see inside it."
                            + " Train it with input mixup alone (no mixing layers, or \"input\"),"
                            + " or build the network in DJL to mix hidden states.");
        }
        return new IllegalArgumentException(
                "Cannot mix hidden states of a "
                        + block.getClass().getSimpleName()
                        + ": Manifold Mixup mixes at the boundaries between the children of a"
                        + " SequentialBlock (as in DJL's ResNetV1 and Mlp), and any block can be"
                        + " trained with input mixup alone (optIncludeInput(true) and no mixing"
                        + " layers). Rebuild the network as a SequentialBlock whose children end"
                        + " where you want to mix, or declare mixing points in its forward pass"
                        + " (DeclaredMixingPoint, with the block implementing"
                        + " DeclaresMixingPoints).");
    }
}
