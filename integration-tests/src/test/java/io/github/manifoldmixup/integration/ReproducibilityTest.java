package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.loss.MixingRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seeds give the same layers, coefficients and permutations. */
class ReproducibilityTest {

    /** Ten forwards; each is described by its layer, its coefficient and its permutation. */
    private static List<String> run(long listenerSeed, int engineSeed) {
        Engine.getInstance().setRandomSeed(engineSeed);
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("input", "01LambdaBlock")
                        .optSeed(listenerSeed)
                        .build();
        List<String> draws = new ArrayList<>();
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
            trainer.initialize(new Shape(8, 2));
            NDManager manager = trainer.getManager();
            for (int i = 0; i < 10; i++) {
                NDList out =
                        trainer.forward(
                                new NDList(Fixtures.distinctRows(manager, 8, 2, 0f)),
                                new NDList(manager.zeros(new Shape(8))));
                MixingRecord record = Fixtures.record(out);
                trainer.notifyListeners(l -> l.onEpoch(trainer)); // one forward per "epoch"
                String layer =
                        listener.getEpochStatistics().get(i).batchesPerLayer().get("input") == 1
                                ? "input"
                                : "01LambdaBlock";
                draws.add(
                        layer
                                + " "
                                + record.targetWeight().getFloat()
                                + " "
                                + Arrays.toString(record.permutation().toLongArray()));
            }
        }
        return draws;
    }

    @Test
    void theSameSeedsRepeatEveryDraw() {
        List<String> first = run(42, 7);
        assertEquals(first, run(42, 7));
        assertEquals(2, first.stream().map(d -> d.split(" ")[0]).distinct().count(), "both layers");
    }

    @Test
    void anotherSeedGivesOtherDraws() {
        assertNotEquals(run(42, 7), run(43, 8));
    }
}
