package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradients reach the layers before the mixing point, and equal the hand-written computation. */
class GradientFlowTest {

    @Test
    void theFirstLayersGradientEqualsThatOfTheManuallyMixedNetwork() {
        SequentialBlock block = new SequentialBlock();
        block.add(Linear.builder().setUnits(6).build());
        block.add(Activation.reluBlock());
        block.add(Linear.builder().setUnits(3).build());
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("02LambdaBlock")
                        .optSeed(5)
                        .build();
        try (Model model = Model.newInstance("gradient-flow")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
                trainer.initialize(new Shape(8, 4));
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomNormal(new Shape(8, 4));
                NDArray y = manager.create(new float[] {0, 1, 2, 0, 1, 2, 0, 1});
                NDArray firstWeight =
                        block.getChildren()
                                .get(0)
                                .getValue()
                                .getParameters()
                                .get("weight")
                                .getArray();

                float[] viaListener;
                float mixedLoss;
                MixingRecord record;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x), new NDList(y));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
                    collector.backward(loss);
                    mixedLoss = loss.getFloat();
                    record = Fixtures.record(predictions);
                }
                viaListener = firstWeight.getGradient().toFloatArray();
                double norm = 0;
                for (float g : viaListener) {
                    assertTrue(Float.isFinite(g));
                    norm += g * g;
                }
                assertTrue(norm > 1e-8, "no gradient reached the first layer");

                // the same step written by hand: h = relu(x W1), mix, logits, weighted losses
                float w = record.targetWeight().getFloat();
                NDArray permutation = record.permutation();
                ParameterStore store = new ParameterStore(manager, false);
                List<Block> children = block.getChildren().values();
                float manualLoss;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList h = children.get(0).forward(store, new NDList(x), true);
                    h = children.get(1).forward(store, h, true);
                    NDArray hidden = h.head();
                    NDArray mixed = hidden.mul(w).add(hidden.get(permutation).mul(1 - w));
                    NDList logits = children.get(2).forward(store, new NDList(mixed), true);
                    Loss ce = Loss.softmaxCrossEntropyLoss();
                    NDArray loss =
                            ce.evaluate(new NDList(y), logits)
                                    .mul(w)
                                    .add(
                                            ce.evaluate(new NDList(y.get(permutation)), logits)
                                                    .mul(1 - w));
                    collector.backward(loss);
                    manualLoss = loss.getFloat();
                }
                float[] accumulated = firstWeight.getGradient().toFloatArray();
                float[] manual = new float[accumulated.length];
                for (int i = 0; i < manual.length; i++) {
                    manual[i] = accumulated[i] - viaListener[i];
                }
                assertEquals(manualLoss, mixedLoss, 1e-5f);
                assertArrayEquals(manual, viaListener, 1e-5f);
            }
        }
    }
}
