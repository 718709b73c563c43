package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.loss.MixingRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Forwards running in parallel threads through one listener (as {@code EasyTrain} runs device
 * splits with an executor) each get their own mixing record.
 */
class ConcurrentForwardTest {

    private static final int THREADS = 8;
    private static final int FORWARDS = 25;
    private static final int COLS = 5;

    @Test
    void eachForwardKeepsItsOwnRecord() throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("01LambdaBlock")
                        .optSeed(9)
                        .build();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(Fixtures.config(listener))) {
            trainer.initialize(new Shape(2, COLS));
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> forwardMany(trainer, thread)));
            }
            int checked = 0;
            for (Future<Integer> future : futures) {
                checked += future.get();
            }
            assertEquals(THREADS * FORWARDS, checked);
            trainer.notifyListeners(l -> l.onEpoch(trainer));
            MixingStatistics epoch = listener.getEpochStatistics().get(0);
            assertEquals(THREADS * FORWARDS, epoch.mixedBatches());
        } finally {
            executor.shutdownNow();
        }
    }

    private static int forwardMany(Trainer trainer, int thread) {
        int checked = 0;
        for (int i = 0; i < FORWARDS; i++) {
            // a different batch size per thread and step, so crossed records could not fit
            int rows = 2 + (thread * FORWARDS + i) % 13;
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = Fixtures.distinctRows(manager, rows, COLS, thread + 0.01f * i);
                NDList out =
                        trainer.forward(new NDList(x), new NDList(manager.zeros(new Shape(rows))));
                MixingRecord record = Fixtures.record(out);
                long[] permutation = record.permutation().toLongArray();
                assertEquals(rows, permutation.length);
                float[] expected =
                        Fixtures.expectedHiddenMix(
                                x.toFloatArray(),
                                COLS,
                                record.targetWeight().getFloat(),
                                permutation);
                assertArrayEquals(expected, out.head().toFloatArray(), 1e-3f);
                checked++;
            }
        }
        return checked;
    }
}
