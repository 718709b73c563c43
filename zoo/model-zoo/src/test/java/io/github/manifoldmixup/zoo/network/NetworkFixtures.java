/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.github.manifoldmixup.layer.LayerSelector;
import io.github.manifoldmixup.layer.MixingPoint;
import java.util.ArrayList;
import java.util.List;

/** Reads a network's structure, and runs it on a small batch. */
final class NetworkFixtures {

    private NetworkFixtures() {}

    /** The names of the listener's automatic mixing layers, without the input. */
    static List<String> automaticMixingLayers(Block network) {
        return LayerSelector.select(network, List.of(), false).stream()
                .map(MixingPoint::name)
                .toList();
    }

    /**
     * The output shape of a child, named by a path of DJL child names joined with '/', computed
     * from the input shape with {@code getOutputShapes} (no parameters needed).
     */
    static Shape outputShapeOf(Block network, String path, Shape input) {
        Block current = network;
        Shape[] shapes = {input};
        for (String name : path.split("/")) {
            Block target = current.getChildren().get(name);
            if (target == null) {
                throw new AssertionError(
                        "No child " + name + " in " + current.getChildren().keys());
            }
            for (var child : current.getChildren()) {
                if (child.getValue() == target) {
                    break;
                }
                shapes = child.getValue().getOutputShapes(shapes);
            }
            current = target;
        }
        return current.getOutputShapes(shapes)[0];
    }

    /** Runs a forward pass on a batch of uniform random inputs in [0, 1] and returns its shape. */
    static Shape forwardShape(Block network, Shape input, boolean training) {
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomUniform(0f, 1f, input);
            NDArray y =
                    network.forward(new ParameterStore(manager, false), new NDList(x), training)
                            .singletonOrThrow();
            return y.getShape();
        }
    }

    /**
     * The number of children of each stage: stage 1 (stem included) and 2 at the top level, later
     * stages inside the third child.
     */
    static List<Integer> stageSizes(Block network) {
        List<Integer> sizes = new ArrayList<>();
        List<Block> top = network.getChildren().values();
        sizes.add(top.get(0).getChildren().size());
        sizes.add(top.get(1).getChildren().size());
        for (Block child : top.get(2).getChildren().values()) {
            if (child instanceof SequentialBlock) {
                sizes.add(child.getChildren().size());
            }
        }
        return sizes;
    }
}
