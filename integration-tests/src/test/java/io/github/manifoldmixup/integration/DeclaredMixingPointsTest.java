/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import io.github.manifoldmixup.layer.DeclaredMixingPoint;
import io.github.manifoldmixup.layer.LayerSelector;
import io.github.manifoldmixup.layer.MixingPoint;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden-state mixing at points a hand-written {@code AbstractBlock} declares in its forward. */
class DeclaredMixingPointsTest {

    private static final Shape INPUT = new Shape(8, 2);

    @TempDir Path dir;

    @Test
    void theListenerFindsTheDeclaredPointsByNameAndByDefault() {
        TwoTrunkNet net = new TwoTrunkNet(2, TwoTrunkNet.Fault.NONE);
        assertEquals(
                List.of("joined", "hidden"),
                LayerSelector.select(net, List.of(), false).stream()
                        .map(MixingPoint::name)
                        .toList());
        assertEquals(
                List.of("input", "hidden"),
                LayerSelector.select(net, List.of("hidden"), true).stream()
                        .map(MixingPoint::name)
                        .toList());
        assertTrue(LayerSelector.availableNames(net).containsAll(List.of("joined", "hidden")));
    }

    @Test
    void theMixedStateIsTheInterpolationAndGradientsReachTheTrunks() {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("joined")
                        .optSeed(3)
                        .build();
        TwoTrunkNet net = new TwoTrunkNet(2, TwoTrunkNet.Fault.NONE);
        try (Model model = Model.newInstance("two-trunk")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(INPUT);
                NDManager manager = trainer.getManager();
                NDArray x = Fixtures.distinctRows(manager, 8, 2, -1f);
                NDList labels = new NDList(manager.zeros(new Shape(8)));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(new NDList(x), labels);
                    assertClose(expectedMix(net, manager, x, Fixtures.record(out)), out.head());
                    collector.backward(trainer.getLoss().evaluate(labels, out));
                }
                NDArray trunkGradient =
                        net.getChildren()
                                .get("01trunkA")
                                .getParameters()
                                .get(0)
                                .getValue()
                                .getArray()
                                .getGradient();
                assertTrue(trunkGradient.abs().sum().getFloat() > 0, "no gradient in trunk A");
                // validation and inference do not mix
                NDList evaluated = trainer.evaluate(new NDList(x));
                assertEquals(1, evaluated.size());
                ParameterStore ps = new ParameterStore(manager, false);
                assertClose(net.forward(ps, new NDList(x), false).head(), evaluated.head());
            }
            assertSame(net, model.getBlock());
        }
        NDList hidden = new NDList();
        assertSame(hidden, DeclaredMixingPoint.named("joined").mix(hidden, null));
    }

    @Test
    void parallelForwardsEachMixWithTheirOwnDraw() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("joined")
                        .optSeed(9)
                        .build();
        TwoTrunkNet net = new TwoTrunkNet(2, TwoTrunkNet.Fault.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Model model = Model.newInstance("two-trunk")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(INPUT);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> threads = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    float offset = t;
                    threads.add(
                            pool.submit(
                                    () -> {
                                        try (NDManager own = trainer.getManager().newSubManager()) {
                                            for (int i = 0; i < 20; i++) {
                                                NDArray x =
                                                        Fixtures.distinctRows(own, 8, 2, offset);
                                                together.await();
                                                NDList out =
                                                        trainer.forward(
                                                                new NDList(x),
                                                                new NDList(
                                                                        own.zeros(new Shape(8))));
                                                assertClose(
                                                        expectedMix(
                                                                net, own, x, Fixtures.record(out)),
                                                        out.head());
                                            }
                                        }
                                        return 20;
                                    }));
                }
                for (Future<Integer> thread : threads) {
                    assertEquals(20, thread.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mistakesInDeclaringPointsFailWithTheirNames() {
        IllegalStateException unreached =
                assertThrows(
                        IllegalStateException.class,
                        () -> forwardOnce(TwoTrunkNet.Fault.SKIP_HIDDEN, "hidden"));
        assertTrue(unreached.getMessage().contains("'hidden' was drawn"), unreached.getMessage());
        assertTrue(unreached.getMessage().contains("did not reach it"), unreached.getMessage());
        IllegalStateException twice =
                assertThrows(
                        IllegalStateException.class,
                        () -> forwardOnce(TwoTrunkNet.Fault.JOINED_TWICE, "hidden"));
        assertTrue(twice.getMessage().contains("'joined' was passed twice"), twice.getMessage());
        IllegalArgumentException sameName =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> forwardOnce(TwoTrunkNet.Fault.SAME_NAME, "joined"));
        assertTrue(
                sameName.getMessage().startsWith("Two declared mixing points are named 'joined'"),
                sameName.getMessage());
        IllegalArgumentException badName =
                assertThrows(
                        IllegalArgumentException.class, () -> DeclaredMixingPoint.named("a/b"));
        assertTrue(badName.getMessage().contains("'a/b'"), badName.getMessage());
    }

    @Test
    void easyTrainFitLearnsWithHiddenMixingAndTheSavedModelLoadsWithoutTheListener()
            throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder().optSeed(2).build(); // both declared points
        TwoTrunkNet net = new TwoTrunkNet(2, TwoTrunkNet.Fault.NONE);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("two-trunk")) {
            model.setBlock(net);
            ArrayDataset train = Fixtures.quadrants(manager, 1024, 64, -1);
            ArrayDataset validation = Fixtures.quadrants(manager, 512, 256, -1, 11);
            NDArray probe = manager.randomUniform(-1f, 1f, new Shape(64, 2));
            try (Trainer trainer =
                    model.newTrainer(
                            Fixtures.config(TrainingListener.Defaults.logging())
                                    .addEvaluator(new Accuracy())
                                    .addTrainingListeners(listener))) {
                trainer.initialize(new Shape(64, 2));
                EasyTrain.fit(trainer, 15, train, validation);
                TrainingResult result = trainer.getTrainingResult();
                float accuracy = result.getValidateEvaluation("Accuracy");
                assertTrue(accuracy > 0.85f, "validation accuracy " + accuracy + " (chance 0.5)");
                assertTrue(
                        listener.getEpochStatistics().get(0).toString().contains("joined"),
                        listener.getEpochStatistics().get(0).toString());
                model.save(dir, "two-trunk"); // while the listener is attached
            }
            NDArray expected =
                    net.forward(new ParameterStore(manager, false), new NDList(probe), false)
                            .head();
            try (Model loaded = Model.newInstance("two-trunk")) {
                loaded.setBlock(new TwoTrunkNet(2, TwoTrunkNet.Fault.NONE));
                loaded.load(dir, "two-trunk");
                NDArray actual =
                        loaded.getBlock()
                                .forward(
                                        new ParameterStore(loaded.getNDManager(), false),
                                        new NDList(probe),
                                        false)
                                .head();
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f);
            }
        }
    }

    private static void assertClose(NDArray expected, NDArray actual) {
        assertEquals(expected.getShape(), actual.getShape());
        assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 1e-5f);
    }

    /** One training forward of a faulty network mixed at the given point. */
    private static void forwardOnce(TwoTrunkNet.Fault fault, String point) {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder().optMixingLayers(point).optSeed(1).build();
        TwoTrunkNet net = new TwoTrunkNet(2, fault);
        try (Model model = Model.newInstance("faulty")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(INPUT);
                NDManager manager = trainer.getManager();
                trainer.forward(
                        new NDList(Fixtures.distinctRows(manager, 8, 2, 0f)),
                        new NDList(manager.zeros(new Shape(8))));
            } finally {
                assertSame(net, model.getBlock());
            }
        }
    }

    /** The network's output with the joined trunks mixed as the record says. */
    private static NDArray expectedMix(
            TwoTrunkNet net, NDManager manager, NDArray x, MixingRecord record) {
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray h = net.features(ps, new NDList(x), false, null).head();
        NDArray w = record.targetWeight();
        NDArray mixed = h.mul(w).add(h.get(record.permutation()).mul(w.neg().add(1)));
        return net.fromJoined(ps, new NDList(mixed)).head();
    }
}
