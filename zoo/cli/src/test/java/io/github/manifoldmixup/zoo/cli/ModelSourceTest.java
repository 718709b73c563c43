/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import io.github.manifoldmixup.zoo.model.ModelDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory written by {@code zoo export} loads as the zoo variant it came from. */
class ModelSourceTest {

    @TempDir Path temp;

    @Test
    void anExportedModelDirectoryGivesTheZooVariantsLogits() throws Exception {
        Path exported = temp.resolve("exported");
        ModelDirectory.export(MixupVariant.INPUT, exported);
        try (NDManager manager = NDManager.newBaseManager();
                Model zoo = new ModelSource("input", null).load();
                Model directory = new ModelSource(null, exported.toString()).load()) {
            NDArray images = manager.randomUniform(0, 1, new Shape(8, 1, 28, 28));
            assertArrayEquals(logits(zoo, images), logits(directory, images));
        }
    }

    private static float[] logits(Model model, NDArray images) {
        return model.getBlock()
                .forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                .head()
                .toFloatArray();
    }
}
