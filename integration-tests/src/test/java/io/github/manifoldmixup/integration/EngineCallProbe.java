package io.github.manifoldmixup.integration;

import static org.mockito.Mockito.mockStatic;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.mockito.MockedStatic;

/**
 * Records every call a piece of code makes, on the current thread, into DJL's PyTorch engine.
 *
 * <p>All of DJL's PyTorch arrays reach libtorch through the static methods of {@link JniUtils}:
 * every array created with a device argument, every device transfer ({@code to}) and every read of
 * tensor data on the host ({@code getByteBuffer}, behind {@code toArray}, {@code toFloatArray},
 * {@code getFloat}, {@code toString} and friends). The probe spies on that class with Mockito's
 * static mocking, calling the real methods, so what it sees is exactly what the engine was asked,
 * including by DJL's own code on the way.
 */
final class EngineCallProbe {

    /**
     * The engine calls that make a CUDA stream wait for the device: reading tensor data on the host
     * and the operations whose output size depends on the data.
     */
    static final Set<String> HOST_SYNCS =
            Set.of("getByteBuffer", "contentEqual", "nonZeros", "booleanMask", "unique");

    /**
     * One call into the engine.
     *
     * @param method the name of the {@link JniUtils} method
     * @param arguments its arguments
     */
    record Call(String method, Object[] arguments) {
        @Override
        public String toString() {
            return method + Arrays.toString(arguments);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private RuntimeException failure;

    private EngineCallProbe() {}

    /**
     * Runs the code and records its engine calls; an exception it throws is kept, not rethrown.
     *
     * @param code the code to watch
     * @return the record
     */
    static EngineCallProbe watch(Runnable code) {
        EngineCallProbe probe = new EngineCallProbe();
        try (MockedStatic<JniUtils> spy =
                mockStatic(
                        JniUtils.class,
                        invocation -> {
                            probe.calls.add(
                                    new Call(
                                            invocation.getMethod().getName(),
                                            invocation.getArguments()));
                            return invocation.callRealMethod();
                        })) {
            code.run();
        } catch (RuntimeException e) {
            probe.failure = e;
        }
        return probe;
    }

    /** Returns every call. */
    List<Call> calls() {
        return calls;
    }

    /** Returns the exception the code threw, or {@code null}. */
    RuntimeException failure() {
        return failure;
    }

    /** Returns the calls that read device data on the host or wait for it. */
    List<Call> hostSyncs() {
        return calls.stream().filter(call -> HOST_SYNCS.contains(call.method())).toList();
    }

    /** Returns the calls that name a device other than the given one. */
    List<Call> callsNamingAnotherDevice(Device device) {
        return calls.stream()
                .filter(
                        call ->
                                Arrays.stream(call.arguments())
                                        .anyMatch(a -> a instanceof Device && !a.equals(device)))
                .toList();
    }
}
