package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.translate.NoopTranslator;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** After training, the model holds the user's own block object again, whatever happened. */
class BlockRestoreTest {

    private static ManifoldMixupTrainingListener listener() {
        return ManifoldMixupTrainingListener.builder().optIncludeInput(true).optSeed(1).build();
    }

    @Test
    void theUsersBlockIsBackAfterTraining() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("restore")) {
            Block block = new Mlp(2, 2, new int[] {8});
            model.setBlock(block);
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 128, 32, true, 1);
            AtomicReference<Block> duringTraining = new AtomicReference<>();
            TrainingListenerAdapter spy =
                    new TrainingListenerAdapter() {
                        @Override
                        public void onEpoch(Trainer trainer) {
                            duringTraining.set(trainer.getModel().getBlock());
                        }
                    };
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener(), spy))) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, 1, data, data);
            }
            assertNotSame(block, duringTraining.get());
            assertSame(block, model.getBlock());
        }
    }

    @Test
    void theUsersBlockIsBackAfterAThrowingTrainingStep() throws Exception {
        AtomicInteger forwards = new AtomicInteger();
        SequentialBlock block = new Mlp(2, 2, new int[] {8});
        block.addSingleton(
                x -> {
                    if (forwards.incrementAndGet() == 3) {
                        throw new IllegalStateException("boom in batch 3");
                    }
                    return x;
                });
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("restore")) {
            model.setBlock(block);
            ArrayDataset data = new TwoSpirals(1, 0.05).generate(manager, 256, 32, true, 1);
            IllegalStateException thrown =
                    assertThrows(
                            IllegalStateException.class,
                            () -> {
                                try (Trainer trainer =
                                        model.newTrainer(Fixtures.config(listener()))) {
                                    trainer.initialize(new Shape(1, 2));
                                    EasyTrain.fit(trainer, 2, data, null);
                                }
                            });
            assertEquals("boom in batch 3", thrown.getMessage());
            assertSame(block, model.getBlock());

            // the restored model predicts as its block does
            NDList probe = new NDList(manager.ones(new Shape(4, 2)));
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                assertArrayEquals(
                        block.forward(new ParameterStore(manager, false), probe, false)
                                .head()
                                .toFloatArray(),
                        predictor.predict(probe).head().toFloatArray(),
                        0f);
            }
        }
    }
}
