/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed save leaves the previous checkpoint the latest, and no partial files. */
class CheckpointsTest {

    @TempDir Path directory;

    @Test
    void aSaveThatFailsHalfwayThroughTheParametersKeepsThePreviousCheckpoint() throws Exception {
        Checkpoints checkpoints = new Checkpoints(directory);
        DiskFillingBlock block = new DiskFillingBlock();
        try (Model model = model("disk-full", block)) {
            checkpoints.save(model, state(1));
            float[] saved = firstWeights(model);
            block.failing = true;
            IOException thrown =
                    assertThrows(IOException.class, () -> checkpoints.save(model, state(2)));
            assertEquals("No space left on device", thrown.getMessage());
            assertLatestIsEpochOne(saved);
        }
    }

    @Test
    void theNextSaveRemovesWhatAKilledProcessLeftBehind() throws Exception {
        Checkpoints checkpoints = new Checkpoints(directory);
        try (Model model = model("killed", new SequentialBlock())) {
            checkpoints.save(model, state(1));
            // a process killed while writing epoch 2, and one killed while moving the pointer
            Files.createDirectories(directory.resolve("epoch-0002.tmp/model-0001.params"));
            Files.writeString(directory.resolve("latest.tmp"), "epoch-0002\n");
            checkpoints.save(model, state(2));
            assertEquals(List.of("epoch-0002", "latest"), names());
            assertEquals(2, checkpoints.resume(model).orElseThrow().epochsDone());
        }
    }

    private void assertLatestIsEpochOne(float[] saved) throws Exception {
        assertEquals(List.of("epoch-0001", "latest"), names(), "no partial files may remain");
        try (Model fresh = model("fresh", new SequentialBlock())) {
            TrainingState resumed = new Checkpoints(directory).resume(fresh).orElseThrow();
            assertEquals(1, resumed.epochsDone());
            assertArrayEquals(saved, firstWeights(fresh), 0f);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Model model(String name, SequentialBlock block) {
        Model model = Model.newInstance(name);
        block.add(Linear.builder().setUnits(3).build());
        model.setBlock(block);
        block.initialize(model.getNDManager(), model.getDataType(), new Shape(1, 4));
        return model;
    }

    private static float[] firstWeights(Model model) {
        return model.getBlock().getParameters().valueAt(0).getArray().toFloatArray();
    }

    private static TrainingState state(int epochs) {
        return new TrainingState("none", 1, epochs, epochs, List.of());
    }

    /** A block whose parameter file stops halfway, as on a full disk, once told to fail. */
    private static final class DiskFillingBlock extends SequentialBlock {
        private boolean failing;

        @Override
        public void saveParameters(DataOutputStream os) throws IOException {
            if (!failing) {
                super.saveParameters(os);
                return;
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            super.saveParameters(new DataOutputStream(whole));
            os.write(whole.toByteArray(), 0, whole.size() / 2);
            throw new IOException("No space left on device");
        }
    }
}
