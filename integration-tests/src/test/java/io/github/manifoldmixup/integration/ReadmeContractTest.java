package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.Model;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.loss.MixupLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's code, exactly as written, on DJL's ResNetV1-20 and generated 28x28 images. */
class ReadmeContractTest {

    @Test
    void theReadmeSnippetTrainsAResNet() throws Exception {
        int epochs = 1;
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("readme")) {
            Block resnet =
                    ResNetV1.builder()
                            .setImageShape(new Shape(1, 28, 28))
                            .setNumLayers(20)
                            .setOutSize(10)
                            .build();
            model.setBlock(resnet);
            Dataset trainSet = Fixtures.bandImages(manager, 256, 32, 1);
            Dataset validationSet = Fixtures.bandImages(manager, 64, 32, 2);

            // --- the README, verbatim ---
            // spotless:off
            ManifoldMixupTrainingListener mixup = ManifoldMixupTrainingListener.builder()
                    .optAlpha(2f)                                   // lambda ~ Beta(alpha, alpha)
                    .optMixingLayers("01Conv2d", "04ParallelBlock") // mix the outputs of these children
                    .optIncludeInput(true)                          // the input is one more candidate
                    .optSeed(42)
                    .build();
            TrainingConfig config =
                    new DefaultTrainingConfig(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()))
                            .addTrainingListeners(TrainingListener.Defaults.logging())
                            .addTrainingListeners(mixup);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 1, 28, 28));
                EasyTrain.fit(trainer, epochs, trainSet, validationSet);
            }
            // spotless:on
            // --- end of the README ---

            assertSame(resnet, model.getBlock());
            MixingStatistics epoch = mixup.getEpochStatistics().get(0);
            assertEquals(8, epoch.mixedBatches());
            assertEquals(
                    List.of("input", "01Conv2d", "04ParallelBlock"),
                    List.copyOf(epoch.batchesPerLayer().keySet()));
        }
    }
}
