package io.github.manifoldmixup.integration;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategies;
import io.github.manifoldmixup.strategy.MixupStrategy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Mixes as {@code "mixup"} does, except on its k-th call (1-based), where the fault happens. */
final class FaultyStrategy implements MixupStrategy {

    private final MixupStrategy mixup = MixupStrategies.find("mixup");
    private final int faultyCall;
    private final UnaryOperator<MixedState> fault;
    private final AtomicInteger calls = new AtomicInteger();

    private FaultyStrategy(int faultyCall, UnaryOperator<MixedState> fault) {
        this.faultyCall = faultyCall;
        this.fault = fault;
    }

    /** Throws the given error or exception on the k-th call. */
    static FaultyStrategy throwing(int faultyCall, RuntimeException exception) {
        return new FaultyStrategy(
                faultyCall,
                mixed -> {
                    throw exception;
                });
    }

    /** Throws the given error on the k-th call. */
    static FaultyStrategy throwing(int faultyCall, Error error) {
        return new FaultyStrategy(
                faultyCall,
                mixed -> {
                    throw error;
                });
    }

    /** Returns a mixed state with an infinite element on the k-th call. */
    static FaultyStrategy infinite(int faultyCall) {
        return new FaultyStrategy(
                faultyCall,
                mixed -> {
                    NDArray hidden = mixed.hidden();
                    NDArray first = hidden.getManager().zeros(hidden.getShape()).flatten();
                    first.set(new NDIndex(0), Float.POSITIVE_INFINITY);
                    return new MixedState(
                            hidden.add(first.reshape(hidden.getShape())), mixed.targetWeight());
                });
    }

    /** Waits on its k-th call until the thread is interrupted, then throws. */
    static FaultyStrategy waitingForInterrupt(int faultyCall, Runnable waiting) {
        return new FaultyStrategy(
                faultyCall,
                mixed -> {
                    waiting.run();
                    try {
                        Thread.sleep(60_000);
                        throw new AssertionError("the training thread was not interrupted");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("training cancelled", e);
                    }
                });
    }

    @Override
    public String getName() {
        return "faulty";
    }

    @Override
    public MixedState mix(NDArray hidden, MixingContext context) {
        MixedState mixed = mixup.mix(hidden, context);
        return calls.incrementAndGet() == faultyCall ? fault.apply(mixed) : mixed;
    }
}
