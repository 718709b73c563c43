/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.benchmark;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.training.ParameterStore;
import io.github.manifoldmixup.robustness.attack.Attack;
import io.github.manifoldmixup.robustness.attack.Fgsm;
import io.github.manifoldmixup.robustness.attack.Pgd;
import io.github.manifoldmixup.zoo.model.FashionMnistNetwork;
import io.github.manifoldmixup.zoo.model.ManifoldMixupModelZoo;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Images per second of the robustness suite's three kinds of pass on the zoo's ResNet-20 (the
 * {@code manifold} variant), in one run, alternating so that a busy machine slows all alike: a
 * clean forward pass, FGSM (one forward and backward, then the forward that scores the adversarial
 * batch) and PGD-k (k forwards and backwards, then the scoring forward). Prints each median, and
 * its ratio to the clean pass; PGD-k's ratio is to be read against {@code k + 1} clean passes plus
 * k backward passes.
 *
 * <p>Arguments: {@code [--batch 200] [--rounds 5] [--steps 20]}.
 */
public final class RobustnessBenchmark {

    private RobustnessBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code --batch N}, {@code --rounds N}, {@code --steps K}
     * @throws Exception if the model cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        int batch = BenchmarkArgs.intArg(args, "--batch", 200);
        int rounds = BenchmarkArgs.intArg(args, "--rounds", 5);
        int steps = BenchmarkArgs.intArg(args, "--steps", 20);
        try (Model model =
                        Criteria.builder()
                                .setTypes(NDList.class, NDList.class)
                                .optGroupId(ManifoldMixupModelZoo.GROUP_ID)
                                .optArtifactId(ManifoldMixupModelZoo.FASHION_MNIST_RESNET)
                                .optFilter(MixupVariant.FILTER, MixupVariant.MANIFOLD.filter())
                                .build()
                                .loadModel();
                NDManager manager = NDManager.newBaseManager()) {
            NDArray images =
                    manager.randomUniform(
                            0f,
                            1f,
                            new Shape(batch).addAll(FashionMnistNetwork.INPUT_SHAPE.slice(1)));
            NDArray labels =
                    manager.randomInteger(
                            0, FashionMnistNetwork.CLASSES, new Shape(batch), DataType.INT64);
            Attack fgsm = Fgsm.builder().optEpsilon(0.1f).build();
            Attack pgd = Pgd.builder().optEpsilon(0.1f).optSteps(steps).optStepSize(0.01f).build();
            Map<String, Runnable> passes = new LinkedHashMap<>();
            passes.put("clean", () -> forward(model, images.duplicate()));
            passes.put("fgsm", () -> forward(model, fgsm.perturb(model, images, labels)));
            passes.put("pgd-" + steps, () -> forward(model, pgd.perturb(model, images, labels)));
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            passes.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                for (Map.Entry<String, Runnable> pass : passes.entrySet()) {
                    long start = System.nanoTime();
                    pass.getValue().run();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    if (round >= 0) {
                        seconds.get(pass.getKey()).add(elapsed);
                    }
                }
            }
            double clean = BenchmarkArgs.median(seconds.get("clean"));
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %12s %12s %10s%n",
                    "pass",
                    "median ms",
                    "images/s",
                    "x clean");
            for (Map.Entry<String, List<Double>> entry : seconds.entrySet()) {
                double median = BenchmarkArgs.median(entry.getValue());
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %12.1f %12.0f %10.2f%n",
                        entry.getKey(),
                        1000 * median,
                        batch / median,
                        median / clean);
            }
        }
    }

    /** The scoring forward pass, read back as the suite does (arg-max on the host). */
    private static void forward(Model model, NDArray images) {
        ParameterStore parameters = new ParameterStore(images.getManager(), false);
        NDArray logits = model.getBlock().forward(parameters, new NDList(images), false).head();
        logits.argMax(1).toLongArray();
        images.close();
    }
}
