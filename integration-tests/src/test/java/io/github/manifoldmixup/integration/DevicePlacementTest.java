package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.pytorch.PtCutMixStrategy;
import io.github.manifoldmixup.pytorch.PtInterpolationStrategy;
import io.github.manifoldmixup.pytorch.PtPatchUpStrategy;
import io.github.manifoldmixup.strategy.LambdaMode;
import io.github.manifoldmixup.strategy.MixedState;
import io.github.manifoldmixup.strategy.MixingContext;
import io.github.manifoldmixup.strategy.MixupStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * GPU readiness without a GPU: a mixed training forward and its loss create every array on the
 * activation's device, read nothing back to the host, and leave no array outside the batch's
 * manager.
 *
 * <p>How, on a machine with only a CPU: the batch lives in a manager whose device is {@code gpu(0)}
 * while its arrays are CPU tensors (the situation after {@code Batch.split}, where arrays copied to
 * a device keep their host-side manager, mirrored). Every activation then carries that manager, so
 * code that creates arrays from a manager's device instead of the activation's asks the engine for
 * {@code gpu(0)}. {@link EngineCallProbe} records every engine call of the forward and the loss:
 * none may name a device other than the CPU, and none may read tensor data on the host or wait for
 * it. The arrays alive after the forward, compared with those before, must all belong to the
 * batch's manager, on the CPU. A second test shows that each check catches the mistake it is for.
 */
class DevicePlacementTest {

    private static final Device DECOY = Device.gpu(0);
    private static final Shape INPUT = new Shape(6, 1, 28, 28);

    /** What one watched forward and loss did. */
    private record Placement(
            EngineCallProbe probe, List<String> strays, List<Device> devices, boolean mixed) {}

    @Test
    void theMixingPathStaysOnTheActivationsDeviceAndNeverSyncs() {
        MixupStrategy[] strategies = {
            new PtInterpolationStrategy(),
            new PtCutMixStrategy(),
            PtPatchUpStrategy.builder().optBlockSize(3).optMode(PtPatchUpStrategy.Mode.SOFT).build()
        };
        int checked = 0;
        for (MixupStrategy strategy : strategies) {
            for (String layer : new String[] {"input", "02LambdaBlock", "04LambdaBlock"}) {
                for (LambdaMode mode : LambdaMode.values()) {
                    String what = strategy.getName() + " at " + layer + " in " + mode;
                    Placement placement = forwardOnce(strategy, layer, mode, false);
                    assertNull(placement.probe().failure(), what);
                    assertTrue(placement.mixed(), what);
                    assertFalse(placement.probe().calls().isEmpty(), what);
                    assertEquals(List.of(), placement.probe().hostSyncs(), what);
                    assertEquals(
                            List.of(),
                            placement.probe().callsNamingAnotherDevice(Device.cpu()),
                            what);
                    assertEquals(List.of(), placement.strays(), what);
                    assertEquals(Set.of(Device.cpu()), Set.copyOf(placement.devices()), what);
                    // the non-finite check (on by default) is the one deliberate host read: one
                    // value, the mixed state's sum plus the loss's, once the loss is known
                    Placement checkedPlacement = forwardOnce(strategy, layer, mode, true);
                    assertEquals(
                            List.of("getByteBuffer"),
                            checkedPlacement.probe().hostSyncs().stream()
                                    .map(EngineCallProbe.Call::method)
                                    .toList(),
                            what);
                    checked++;
                }
            }
        }
        assertEquals(18, checked);
    }

    @Test
    void eachCheckCatchesTheMistakeItIsFor() {
        PtInterpolationStrategy mixup = new PtInterpolationStrategy();
        Placement hostRead =
                forwardOnce(
                        new Wrapped(
                                (hidden, context) -> {
                                    context.lambdaArray().getFloat(); // reads the device
                                    return mixup.mix(hidden, context);
                                }),
                        "02LambdaBlock",
                        LambdaMode.BATCH,
                        false);
        assertEquals(
                List.of("getByteBuffer"),
                hostRead.probe().hostSyncs().stream().map(EngineCallProbe.Call::method).toList());

        Placement managerDevice =
                forwardOnce(
                        new Wrapped(
                                (hidden, context) -> {
                                    hidden.getManager().create(context.lambda()); // gpu(0)
                                    return mixup.mix(hidden, context);
                                }),
                        "02LambdaBlock",
                        LambdaMode.BATCH,
                        false);
        assertFalse(managerDevice.probe().callsNamingAnotherDevice(Device.cpu()).isEmpty());
        assertNotNull(managerDevice.probe().failure(), "libtorch here has no CUDA");

        List<NDManager> leaked = new ArrayList<>();
        Placement stray =
                forwardOnce(
                        new Wrapped(
                                (hidden, context) -> {
                                    NDManager own = NDManager.newBaseManager();
                                    leaked.add(own);
                                    own.create(context.lambda()); // outlives the batch
                                    return mixup.mix(hidden, context);
                                }),
                        "02LambdaBlock",
                        LambdaMode.BATCH,
                        false);
        leaked.forEach(NDManager::close);
        assertEquals(1, stray.strays().size());
        assertNull(stray.probe().failure());
    }

    /**
     * Trains a small conv net one forward with the strategy at the layer: the batch's arrays are
     * CPU tensors in a manager whose device is {@code gpu(0)}.
     */
    private static Placement forwardOnce(
            MixupStrategy strategy, String layer, LambdaMode mode, boolean nonFiniteCheck) {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optStrategy(strategy)
                        .optMixingLayers(layer)
                        .optLambdaMode(mode)
                        .optNonFiniteCheck(nonFiniteCheck)
                        .optSeed(5)
                        .build();
        try (Model model = Model.newInstance("devices")) {
            model.setBlock(Fixtures.smallConvNet());
            try (Trainer trainer =
                    model.newTrainer(
                            new DefaultTrainingConfig(SoftTargetLoss.crossEntropy().build())
                                    .addTrainingListeners(listener))) {
                trainer.initialize(INPUT);
                try (NDManager warmUp = trainer.getManager().newSubManager()) {
                    List<NDList> batch = batch(trainer, warmUp);
                    trainer.forward(batch.get(0), batch.get(1));
                }
                try (NDManager batchManager = trainer.getManager().newSubManager(DECOY)) {
                    List<NDList> batch = batch(trainer, batchManager);
                    NDManager root = root(trainer.getManager());
                    Set<String> before = uids(root.getManagedArrays());
                    NDList[] output = new NDList[1];
                    EngineCallProbe probe =
                            EngineCallProbe.watch(
                                    () -> {
                                        output[0] = trainer.forward(batch.get(0), batch.get(1));
                                        trainer.getLoss().evaluate(batch.get(1), output[0]);
                                    });
                    Set<String> owned = uids(batchManager.getManagedArrays());
                    List<String> strays =
                            root.getManagedArrays().stream()
                                    .map(NDArray::getUid)
                                    .filter(uid -> !before.contains(uid) && !owned.contains(uid))
                                    .toList();
                    List<Device> devices =
                            batchManager.getManagedArrays().stream()
                                    .map(NDArray::getDevice)
                                    .toList();
                    boolean mixed = output[0] != null && MixingRecord.find(output[0]).isPresent();
                    return new Placement(probe, strays, devices, mixed);
                }
            }
        }
    }

    /** Images and class labels made on the CPU and handed to the given manager. */
    private static List<NDList> batch(Trainer trainer, NDManager owner) {
        NDArray x = trainer.getManager().randomNormal(INPUT);
        NDArray y =
                trainer.getManager().randomInteger(0, 10, new Shape(INPUT.get(0)), x.getDataType());
        x.attach(owner);
        y.attach(owner);
        return List.of(new NDList(x), new NDList(y));
    }

    private static NDManager root(NDManager manager) {
        NDManager root = manager;
        while (root.getParentManager() != null) {
            root = root.getParentManager();
        }
        return root;
    }

    private static Set<String> uids(List<NDArray> arrays) {
        return arrays.stream().map(NDArray::getUid).collect(Collectors.toSet());
    }

    /** A strategy from a function, named {@code "wrapped"}. */
    private record Wrapped(BiFunction<NDArray, MixingContext, MixedState> body)
            implements MixupStrategy {

        @Override
        public String getName() {
            return "wrapped";
        }

        @Override
        public MixedState mix(NDArray hidden, MixingContext context) {
            return body.apply(hidden, context);
        }
    }
}
