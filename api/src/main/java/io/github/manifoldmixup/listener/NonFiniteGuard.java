/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.listener;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.manifoldmixup.loss.LossCheck;
import io.github.manifoldmixup.loss.MixupLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Notices the first non-finite mixed hidden state or training loss, and throws a {@link
 * NonFiniteValueException} that says where it appeared and what else is non-finite.
 *
 * <p>The check costs one read back to the host per forward pass and no second loss evaluation: the
 * forward pass {@link #mark marks} its outputs with the sum of its mixed hidden state (a device
 * reduction, no read), and when {@link MixupLoss} has computed the loss it calls {@link #check},
 * which adds the loss's sum to the marker and reads that one value. Only when it is not finite does
 * the guard look further (the sums of large finite values can overflow; the diagnosis reads more,
 * but once). This happens inside the trainer's loss evaluation, before the backward pass and before
 * any listener's {@code onTrainingBatch}, so DJL's divergence check never sees the batch first.
 */
final class NonFiniteGuard implements LossCheck {

    private static final AtomicLong GUARDS = new AtomicLong();

    private final boolean enabled;
    private final MixupLoss loss;
    private final Block block;
    private final TrainingPosition position;
    private final String key = "guard" + GUARDS.incrementAndGet();
    private final AtomicLong forwards = new AtomicLong();
    private final Map<Long, Forward> pending = new ConcurrentHashMap<>();

    NonFiniteGuard(boolean enabled, MixupLoss loss, Block block, TrainingPosition position) {
        this.enabled = enabled;
        this.loss = loss;
        this.block = block;
        this.position = position;
        if (enabled) {
            loss.addCheck(key, this);
        }
    }

    /**
     * Marks the outputs of a training forward pass for the check, when it is on.
     *
     * @param outputs the outputs, with the mixing record of a mixed pass
     * @param input the input batch
     * @param point the mixing point, or {@code null} for an unmixed pass
     * @param mixing the strategy and coefficient, or "unmixed", for messages
     * @param before the hidden state before mixing, or {@code null}
     * @param mixed the mixed hidden state, or {@code null}
     * @return the outputs followed by the marker; {@code outputs} itself with the check off
     */
    NDList mark(
            NDList outputs,
            NDList input,
            String point,
            Supplier<String> mixing,
            NDArray before,
            NDArray mixed) {
        if (!enabled) {
            return outputs;
        }
        NDArray head = outputs.head();
        NDArray marker =
                mixed == null || !mixed.getDataType().isFloating()
                        ? head.getManager().zeros(new Shape(), DataType.FLOAT32, head.getDevice())
                        : mixed.sum();
        long id = forwards.incrementAndGet();
        marker.setName(MARKER_PREFIX + key + ":" + id);
        pending.put(id, new Forward(point, mixing, before, mixed, input));
        NDList marked = new NDList(outputs.size() + 1);
        marked.addAll(outputs);
        marked.add(marker);
        return marked;
    }

    /** {@inheritDoc} */
    @Override
    public void check(NDArray marker, NDArray lossValue, NDList labels, NDList outputs) {
        String name = marker.getName();
        Forward forward = pending.remove(Long.parseLong(name.substring(name.lastIndexOf(':') + 1)));
        if (forward == null || !lossValue.getDataType().isFloating()) {
            return;
        }
        try (NDScope ignored = new NDScope()) {
            NDArray total =
                    marker.toType(DataType.FLOAT64, false)
                            .add(lossValue.sum().toType(DataType.FLOAT64, false));
            if (Double.isFinite(total.getDouble())) {
                return;
            }
        }
        if (forward.mixed() != null && !finite(forward.mixed())) {
            throw hiddenFailure(forward);
        }
        if (!finite(lossValue)) {
            throw lossFailure(forward, labels, outputs);
        }
    }

    /** Forgets the forward passes of the batch that ended, whether or not their loss was seen. */
    void endBatch() {
        pending.clear();
    }

    /** Stops checking: the trainer is closed. */
    void close() {
        loss.removeCheck(key);
        pending.clear();
    }

    private NonFiniteValueException hiddenFailure(Forward forward) {
        List<String> findings = diagnose(forward.input());
        findings.add(
                finite(forward.before())
                        ? "the hidden state was finite before mixing, so the mixing strategy made"
                                + " them: a fault of the strategy"
                        : "the hidden state was already non-finite before mixing: the layers up to"
                                + " and including '"
                                + forward.point()
                                + "' produced it");
        return failure(
                "the mixed hidden state at '"
                        + forward.point()
                        + "' ("
                        + forward.mixing().get()
                        + ")",
                forward.point(),
                findings);
    }

    private NonFiniteValueException lossFailure(Forward forward, NDList labels, NDList outputs) {
        List<String> findings = diagnose(forward.input());
        if (!finite(outputs)) {
            findings.add("the network's output is non-finite");
        } else if (!finite(labels)) {
            findings.add("the labels contain NaN or infinite values");
        } else {
            findings.add(
                    "the output and the labels are finite, so the loss itself overflowed"
                            + " (a probability of 0 under a logarithm?)");
        }
        return failure(
                "the training loss (" + forward.mixing().get() + ")", forward.point(), findings);
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

    /** What the guard keeps of a marked forward pass until its loss is checked. */
    private record Forward(
            String point, Supplier<String> mixing, NDArray before, NDArray mixed, NDList input) {}

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
