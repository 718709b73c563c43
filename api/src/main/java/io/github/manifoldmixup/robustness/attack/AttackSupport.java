/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared machinery of the sign-gradient attacks: argument checks, freezing the parameters, the
 * input gradient of the cross-entropy and the projected iteration.
 */
final class AttackSupport {

    /**
     * Held while a gradient is collected: DJL's PyTorch engine lets one {@link GradientCollector}
     * collect at a time in a process, so attacks in parallel threads (the partitions of a Spark
     * executor, say) take turns at their backward passes.
     */
    private static final Object GRADIENTS = new Object();

    /** The most images whose random starts {@link #skipStarts} draws at once. */
    private static final int SKIP_PIECE = 1024;

    private AttackSupport() {}

    /** Rejects bounds that are not finite or not increasing. */
    static void checkBounds(float lo, float hi) {
        if (!Float.isFinite(lo) || !Float.isFinite(hi)) {
            throw new IllegalArgumentException(
                    "The bounds must be finite, got [" + lo + ", " + hi + "]");
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException(
                    "The lower bound must be below the upper one, got [" + lo + ", " + hi + "]");
        }
    }

    /** Rejects an epsilon outside {@code (0, hi - lo]}. */
    static void checkEpsilon(float epsilon, float lo, float hi) {
        if (Float.isNaN(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a number, got NaN");
        }
        if (!(epsilon > 0) || epsilon > hi - lo) {
            throw new IllegalArgumentException(
                    "epsilon must be in (0, hi - lo] = (0, "
                            + (hi - lo)
                            + "] for the bounds ["
                            + lo
                            + ", "
                            + hi
                            + "], got "
                            + epsilon);
        }
    }

    /**
     * Runs {@code steps} signed-gradient ascent steps of the summed softmax cross-entropy.
     *
     * @param start the first iterate is {@code clip(x + U(-epsilon, epsilon), lo, hi)} if true,
     *     else the clean {@code x}
     * @param project whether each step is projected onto the epsilon-ball around the clean {@code
     *     x} before the clip to the bounds
     */
    static NDArray run(
            Model model,
            NDArray images,
            NDArray labels,
            float epsilon,
            float stepSize,
            int steps,
            boolean start,
            boolean project,
            float lo,
            float hi) {
        if (model == null || images == null || labels == null) {
            throw new IllegalArgumentException("The model, the images and the labels are needed");
        }
        Shape shape = images.getShape();
        if (shape.dimension() < 1 || shape.get(0) < 1) {
            throw new IllegalArgumentException(
                    "The images need a non-empty batch dimension first, got shape " + shape);
        }
        int batch = Math.toIntExact(shape.get(0));
        NDManager target = images.getManager();
        List<NDArray> frozen = freeze(model);
        NDArray result;
        try (NDScope scope = new NDScope();
                NDManager sub = target.newSubManager()) {
            scope.suppressNotUsedWarning();
            long[] classes = hostLabels(labels, batch, sub);
            Objective objective = new Objective(model, sub, classes);

            NDArray clean = images.duplicate();
            clean.attach(sub);
            NDArray ballLow = project ? clean.sub(epsilon) : null;
            NDArray ballHigh = project ? clean.add(epsilon) : null;
            NDArray x = clean;
            if (start) {
                NDArray noise =
                        sub.randomUniform(
                                -epsilon, epsilon, shape, images.getDataType(), images.getDevice());
                x = clean.add(noise).clip(lo, hi);
            }
            for (int step = 0; step < steps; step++) {
                NDArray next = x.add(objective.gradientSign(x).mul(stepSize));
                if (project) {
                    next = next.maximum(ballLow).minimum(ballHigh);
                }
                x = next.clip(lo, hi);
            }
            result = x == clean ? clean.duplicate() : x;
            result.attach(target);
            NDScope.unregister(result);
        } finally {
            restore(frozen);
        }
        // hand the result to an enclosing scope of the caller, if there is one
        NDScope.register(result);
        return result;
    }

    /**
     * Draws and discards the random starts {@link #run} would draw for {@code images} images like
     * those of {@code like}: the engine's uniform draws take one number per element, so pieces of
     * any size draw the same stream as the batches did.
     */
    static void skipStarts(NDArray like, long images, float epsilon) {
        Shape image = like.getShape().slice(1);
        try (NDManager sub = like.getManager().newSubManager()) {
            for (long done = 0; done < images; ) {
                long piece = Math.min(SKIP_PIECE, images - done);
                sub.randomUniform(
                                -epsilon,
                                epsilon,
                                new Shape(piece).addAll(image),
                                like.getDataType(),
                                like.getDevice())
                        .close();
                done += piece;
            }
        }
    }

    /** Turns off requires-gradient on every parameter array that has it; returns those. */
    static List<NDArray> freeze(Model model) {
        List<NDArray> frozen = new ArrayList<>();
        try {
            for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
                Parameter parameter = pair.getValue();
                if (!parameter.isInitialized()) {
                    continue;
                }
                NDArray array = parameter.getArray();
                if (array.hasGradient()) {
                    array.setRequiresGradient(false);
                    frozen.add(array);
                }
            }
        } catch (RuntimeException e) {
            restore(frozen);
            throw e;
        }
        return frozen;
    }

    /** Turns requires-gradient back on for the arrays {@link #freeze} turned off. */
    static void restore(List<NDArray> frozen) {
        for (NDArray array : frozen) {
            array.setRequiresGradient(true);
        }
    }

    /** Reads and checks the labels on the host: integral class indices, one per example. */
    private static long[] hostLabels(NDArray labels, int batch, NDManager sub) {
        Shape shape = labels.getShape();
        boolean column = shape.dimension() == 2 && shape.get(1) == 1;
        if (!(shape.dimension() == 1 || column) || shape.get(0) != batch) {
            throw new IllegalArgumentException(
                    "The labels must be class indices of shape ("
                            + batch
                            + ") or ("
                            + batch
                            + ", 1) to match the batch of images, got shape "
                            + shape);
        }
        NDArray onHost = labels.toType(DataType.FLOAT64, true);
        onHost.attach(sub);
        double[] values = onHost.toDoubleArray();
        long[] classes = new long[batch];
        for (int i = 0; i < batch; i++) {
            double value = values[i];
            if (!(value >= 0) || value != Math.rint(value)) {
                throw new IllegalArgumentException(
                        "Label " + i + " must be a class index (an integer >= 0), got " + value);
            }
            classes[i] = (long) value;
        }
        return classes;
    }

    /** The summed softmax cross-entropy of the model's logits against fixed labels. */
    private static final class Objective {

        private final Model model;
        private final NDManager sub;
        private final long[] classes;
        private NDArray oneHot;

        Objective(Model model, NDManager sub, long[] classes) {
            this.model = model;
            this.sub = sub;
            this.classes = classes;
        }

        /** {@code sign(grad_x L(f(x), y))}, computed with the block in inference mode. */
        NDArray gradientSign(NDArray x) {
            // the step's activations are freed with the step, not kept until the attack ends
            try (NDManager step = sub.newSubManager()) {
                NDArray leaf = x.duplicate();
                leaf.attach(step);
                leaf.setRequiresGradient(true);
                synchronized (GRADIENTS) {
                    try (GradientCollector collector =
                            model.getNDManager().getEngine().newGradientCollector()) {
                        NDList out =
                                model.getBlock()
                                        .forward(
                                                new ParameterStore(step, false),
                                                new NDList(leaf),
                                                false);
                        NDArray logits = out.head();
                        NDArray loss = logits.logSoftmax(1).mul(oneHot(logits)).sum().neg();
                        collector.backward(loss);
                    }
                }
                NDArray sign = leaf.getGradient().sign();
                sign.attach(sub);
                return sign;
            }
        }

        private NDArray oneHot(NDArray logits) {
            Shape shape = logits.getShape();
            int batch = classes.length;
            if (shape.dimension() != 2 || shape.get(0) != batch) {
                throw new IllegalArgumentException(
                        "The model must return logits of shape ("
                                + batch
                                + ", classes) as predictions.head(), got "
                                + shape);
            }
            if (oneHot == null) {
                int count = Math.toIntExact(shape.get(1));
                float[] values = new float[batch * count];
                for (int i = 0; i < batch; i++) {
                    if (classes[i] >= count) {
                        throw new IllegalArgumentException(
                                "Label "
                                        + i
                                        + " is class "
                                        + classes[i]
                                        + " but the model has "
                                        + count
                                        + " classes");
                    }
                    values[i * count + (int) classes[i]] = 1;
                }
                oneHot =
                        sub.create(values, shape)
                                .toDevice(logits.getDevice(), false)
                                .toType(logits.getDataType(), false);
            }
            return oneHot;
        }
    }
}
