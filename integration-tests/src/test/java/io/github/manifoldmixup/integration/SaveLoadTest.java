package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters saved while the listener is active are the plain model's parameters. */
class SaveLoadTest {

    @TempDir Path tempDir;

    @Test
    void savedWhileMixingLoadsIntoThePlainBlockWithIdenticalOutputs() throws Exception {
        Path whileMixing = tempDir.resolve("while-mixing");
        Path afterwards = tempDir.resolve("afterwards");
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("mlp")) {
            Block block = new Mlp(2, 2, new int[] {16, 16});
            model.setBlock(block);
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 256, 32, true, 3);
            ManifoldMixupTrainingListener listener =
                    ManifoldMixupTrainingListener.builder()
                            .optIncludeInput(true)
                            .optSeed(3)
                            .build();
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(new Shape(1, 2));
                for (Batch batch : trainer.iterateDataset(data)) {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                    batch.close();
                }
                assertNotSame(block, model.getBlock(), "the listener should be mixing now");
                model.save(whileMixing, "mlp");
            }
            assertSame(block, model.getBlock());
            model.save(afterwards, "mlp");
            assertArrayEquals(
                    Files.readAllBytes(afterwards.resolve("mlp-0000.params")),
                    Files.readAllBytes(whileMixing.resolve("mlp-0000.params")),
                    "the file saved while mixing must be byte-identical");

            NDArray probe = manager.randomUniform(-1f, 1f, new Shape(64, 2));
            try (Model plain = Model.newInstance("mlp")) {
                plain.setBlock(new Mlp(2, 2, new int[] {16, 16}));
                plain.load(whileMixing, "mlp");
                try (Predictor<NDList, NDList> trained = model.newPredictor(new NoopTranslator());
                        Predictor<NDList, NDList> loaded =
                                plain.newPredictor(new NoopTranslator())) {
                    assertArrayEquals(
                            trained.predict(new NDList(probe)).head().toFloatArray(),
                            loaded.predict(new NDList(probe)).head().toFloatArray(),
                            0f);
                }
            }
        }
    }
}
