/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.github.manifoldmixup.loss.MixingRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Notices the first non-finite mixed hidden state or training loss, and throws a {@link
 * NonFiniteValueException} that says where it appeared and what else is non-finite.
 *
 * <p>Each check is one reduction read back to the host (a device synchronization); the diagnosis
 * after a failure reads more, but only once.
 */
final class NonFiniteGuard {

    private final boolean enabled;
    private final Loss loss;
    private final Block block;
    private final TrainingPosition position;

    NonFiniteGuard(boolean enabled, Loss loss, Block block, TrainingPosition position) {
        this.enabled = enabled;
        this.loss = loss;
        this.block = block;
        this.position = position;
    }

    /**
     * Checks a mixed hidden state.
     *
     * @param layer the mixing point
     * @param mixing the strategy and coefficient, for the message (built only on a failure)
     * @param before the hidden state before mixing
     * @param mixed the mixed hidden state
     * @param input the input batch of the forward pass
     */
    void checkMixed(
            String layer, Supplier<String> mixing, NDArray before, NDArray mixed, NDList input) {
        if (!enabled || finite(mixed)) {
            return;
        }
        List<String> findings = diagnose(input);
        findings.add(
                finite(before)
                        ? "the hidden state was finite before mixing, so the mixing strategy made"
                                + " them: a fault of the strategy"
                        : "the hidden state was already non-finite before mixing: the layers up to"
                                + " and including '"
                                + layer
                                + "' produced it");
        throw failure(
                "the mixed hidden state at '" + layer + "' (" + mixing.get() + ")",
                layer,
                findings);
    }

    /**
     * Checks the loss of a training forward pass, before the trainer computes it.
     *
     * @param input the input batch
     * @param labels the labels, or {@code null} if the trainer passed none (no check then)
     * @param predictions the outputs, with the mixing record of a mixed pass
     * @param layer the mixing point of a mixed pass, or {@code null}
     * @param mixing the strategy and coefficient, or "unmixed", for the message (built only on a
     *     failure)
     */
    void checkLoss(
            NDList input,
            NDList labels,
            NDList predictions,
            String layer,
            Supplier<String> mixing) {
        if (!enabled || labels == null) {
            return;
        }
        try (NDScope ignored = new NDScope()) {
            if (finite(loss.evaluate(labels, predictions))) {
                return;
            }
        }
        List<String> findings = diagnose(input);
        if (!finite(MixingRecord.strip(predictions))) {
            findings.add("the network's output is non-finite");
        } else if (!finite(labels)) {
            findings.add("the labels contain NaN or infinite values");
        } else {
            findings.add(
                    "the output and the labels are finite, so the loss itself overflowed"
                            + " (a probability of 0 under a logarithm?)");
        }
        throw failure("the training loss (" + mixing.get() + ")", layer, findings);
    }

    private NonFiniteValueException failure(String what, String layer, List<String> findings) {
        return new NonFiniteValueException(
                "Non-finite values (NaN or infinity) in "
                        + what
                        + " at "
                        + position.describe()
                        + ". Found: "
                        + String.join("; ", findings)
                        + ". Non-finite inputs need cleaning; non-finite parameters come from an"
                        + " earlier update that diverged (lower the learning rate, clip gradients)"
                        + " or from NaN gradients of the engine (on AVX-512 CPUs see the README's"
                        + " troubleshooting: ONEDNN_MAX_CPU_ISA=AVX2). Resume from the last"
                        + " checkpoint once fixed. Turn this check off with optNonFiniteCheck(false).",
                layer,
                position);
    }

    /** Looks at the input batch and the parameters. */
    private List<String> diagnose(NDList input) {
        List<String> findings = new ArrayList<>();
        findings.add(
                finite(input)
                        ? "the input batch is finite"
                        : "the input batch contains NaN or infinite values");
        List<String> bad = new ArrayList<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            if (parameter.getValue().isInitialized() && !finite(parameter.getValue().getArray())) {
                bad.add(parameter.getKey());
            }
        }
        findings.add(
                bad.isEmpty()
                        ? "all parameters are finite"
                        : "non-finite parameters: " + String.join(", ", bad));
        return findings;
    }

    private static boolean finite(NDList arrays) {
        for (NDArray array : arrays) {
            if (!finite(array)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether every element is finite: the sum is (one pass, one value to the host); a
     * non-finite sum is confirmed element-wise, since a sum of large finite values can overflow.
     */
    static boolean finite(NDArray array) {
        if (!array.getDataType().isFloating()) {
            return true;
        }
        try (NDScope ignored = new NDScope()) {
            if (Double.isFinite(array.sum().toType(DataType.FLOAT64, false).getDouble())) {
                return true;
            }
            return !array.isNaN().logicalOr(array.isInfinite()).any().getBoolean();
        }
    }
}
