/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.manifoldmixup.layer.DeclaredMixingPoint;
import io.github.manifoldmixup.layer.DeclaresMixingPoints;
import java.util.List;

/**
 * A hand-written DJL network whose forward pass is code: two trunks on the same input, joined by
 * concatenation, then a hidden layer and a classifier. It declares two mixing points, {@code
 * "joined"} (the concatenated trunks) and {@code "hidden"}; optional faults for the error tests.
 */
final class TwoTrunkNet extends AbstractBlock implements DeclaresMixingPoints {

    /** The faults the error tests inject. */
    enum Fault {
        NONE,
        SKIP_HIDDEN,
        JOINED_TWICE,
        SAME_NAME
    }

    private final Block trunkA;
    private final Block trunkB;
    private final Block hiddenLayer;
    private final Block classifier;
    private final DeclaredMixingPoint joined = DeclaredMixingPoint.named("joined");
    private final DeclaredMixingPoint hidden;
    private final Fault fault;

    TwoTrunkNet(int classes, Fault fault) {
        this.fault = fault;
        hidden = DeclaredMixingPoint.named(fault == Fault.SAME_NAME ? "joined" : "hidden");
        trunkA = addChildBlock("trunkA", trunk());
        trunkB = addChildBlock("trunkB", trunk());
        hiddenLayer =
                addChildBlock(
                        "hidden",
                        new SequentialBlock()
                                .add(Linear.builder().setUnits(16).build())
                                .add(Activation::relu));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    }

    private static Block trunk() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(Activation::relu);
    }

    @Override
    public List<DeclaredMixingPoint> getDeclaredMixingPoints() {
        return List.of(joined, hidden);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = joined.mix(features(ps, inputs, training, params), params);
        if (fault == Fault.JOINED_TWICE) {
            h = joined.mix(h, params);
        }
        NDList z = hiddenLayer.forward(ps, h, training, params);
        if (fault != Fault.SKIP_HIDDEN) {
            z = hidden.mix(z, params);
        }
        return classifier.forward(ps, z, training, params);
    }

    /** The joined trunks, before the point {@code "joined"}. */
    NDList features(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray a = trunkA.forward(ps, inputs, training, params).head();
        NDArray b = trunkB.forward(ps, inputs, training, params).head();
        return new NDList(NDArrays.concat(new NDList(a, b), 1));
    }

    /** The rest of the network from the point {@code "joined"}, unmixed. */
    NDList fromJoined(ParameterStore ps, NDList h) {
        return classifier.forward(ps, hiddenLayer.forward(ps, h, false), false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape joinedShape = new Shape(inputShapes[0].get(0), 16);
        return classifier.getOutputShapes(hiddenLayer.getOutputShapes(new Shape[] {joinedShape}));
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        trunkA.initialize(manager, dataType, inputShapes);
        trunkB.initialize(manager, dataType, inputShapes);
        Shape joinedShape = new Shape(inputShapes[0].get(0), 16);
        hiddenLayer.initialize(manager, dataType, joinedShape);
        classifier.initialize(
                manager, dataType, hiddenLayer.getOutputShapes(new Shape[] {joinedShape}));
    }
}
