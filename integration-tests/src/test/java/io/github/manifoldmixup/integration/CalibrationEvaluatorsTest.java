package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.basicmodelzoo.basic.Mlp;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import io.github.manifoldmixup.evaluator.BrierScore;
import io.github.manifoldmixup.evaluator.ExpectedCalibrationError;
import io.github.manifoldmixup.evaluator.NegativeLogLikelihood;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.zoo.dataset.TwoSpirals;
import org.junit.jupiter.api.Test;

/** The calibration metrics plug into a DJL training configuration like any evaluator. */
class CalibrationEvaluatorsTest {

    @Test
    void metricsShowUpInTheTrainingResultAndNllMatchesTheValidationLoss() throws Exception {
        TwoSpirals spirals = new TwoSpirals(1, 0.05);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("calibration")) {
            model.setBlock(new Mlp(2, 2, new int[] {32, 32}));
            ArrayDataset train = spirals.generate(manager, 512, 64, true, 1);
            ArrayDataset validation = spirals.generate(manager, 500, 100, false, 2);
            TrainingResult result;
            try (Trainer trainer =
                    model.newTrainer(
                            Fixtures.config(
                                            ManifoldMixupTrainingListener.builder()
                                                    .optSeed(1)
                                                    .build())
                                    .addTrainingListeners(TrainingListener.Defaults.basic())
                                    .addEvaluator(new NegativeLogLikelihood())
                                    .addEvaluator(new ExpectedCalibrationError())
                                    .addEvaluator(new BrierScore()))) {
                trainer.initialize(new Shape(1, 2));
                EasyTrain.fit(trainer, 3, train, validation);
                result = trainer.getTrainingResult();
            }
            // equal validation batches: the mean of batch means is the mean over examples
            assertEquals(result.getValidateLoss(), result.getValidateEvaluation("NLL"), 1e-4f);
            float ece = result.getValidateEvaluation("ECE");
            float brier = result.getValidateEvaluation("Brier");
            assertTrue(ece >= 0 && ece <= 1, "ECE " + ece);
            assertTrue(brier >= 0 && brier <= 2, "Brier " + brier);
        }
    }
}
