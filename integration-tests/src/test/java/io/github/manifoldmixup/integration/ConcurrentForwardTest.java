package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import io.github.manifoldmixup.listener.ManifoldMixupTrainingListener;
import io.github.manifoldmixup.listener.MixingStatistics;
import io.github.manifoldmixup.loss.MixingRecord;
import io.github.manifoldmixup.loss.SoftTargetLoss;
import io.github.manifoldmixup.strategy.LambdaMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Forwards running in parallel threads through one listener (as {@code EasyTrain} runs device
 * splits when the training configuration has an executor) each get their own mixing record, and the
 * loss of each pairs its own labels by its own record.
 *
 * <p>Each round, a barrier releases all threads into {@code trainer.forward} at once. Every forward
 * has its own batch size and values, so an output with another forward's record (permutation or
 * per-example coefficients) could not match the host computation, nor could its loss.
 */
class ConcurrentForwardTest {

    private static final int THREADS = 8;
    private static final int FORWARDS = 25;
    private static final int COLS = 5;

    @Test
    void eachForwardKeepsItsOwnRecordOneLambdaPerBatch() throws Exception {
        forwardInParallel(LambdaMode.BATCH);
    }

    @Test
    void eachForwardKeepsItsOwnRecordOneLambdaPerExample() throws Exception {
        forwardInParallel(LambdaMode.ELEM);
    }

    private static void forwardInParallel(LambdaMode mode) throws Exception {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optMixingLayers("01LambdaBlock")
                        .optLambdaMode(mode)
                        .optSeed(9)
                        .build();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(SoftTargetLoss.crossEntropy().build())
                        .addTrainingListeners(listener);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        try (Model model = Fixtures.squarePlusOneModel();
                Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(2, COLS));
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> forwardMany(trainer, mode, thread, together)));
            }
            int checked = 0;
            for (Future<Integer> future : futures) {
                checked += future.get(2, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * FORWARDS, checked);
            trainer.notifyListeners(l -> l.onEpoch(trainer));
            MixingStatistics epoch = listener.getEpochStatistics().get(0);
            assertEquals(THREADS * FORWARDS, epoch.mixedBatches());
        } finally {
            executor.shutdownNow();
        }
    }

    private static int forwardMany(
            Trainer trainer, LambdaMode mode, int thread, CyclicBarrier together) throws Exception {
        int checked = 0;
        for (int i = 0; i < FORWARDS; i++) {
            // a different batch size per thread and step, so crossed records could not fit
            int rows = 2 + (thread * FORWARDS + i) % 13;
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = Fixtures.distinctRows(manager, rows, COLS, thread + 0.01f * i);
                float[] classes = new float[rows];
                for (int r = 0; r < rows; r++) {
                    classes[r] = (thread + i + r) % COLS;
                }
                NDList labels = new NDList(manager.create(classes));
                together.await(1, TimeUnit.MINUTES);
                NDList out = trainer.forward(new NDList(x), labels);
                float loss = trainer.getLoss().evaluate(labels, out).getFloat();

                MixingRecord record = Fixtures.record(out);
                long[] permutation = record.permutation().toLongArray();
                float[] weights = record.targetWeight().toFloatArray();
                long[] sorted = permutation.clone();
                Arrays.sort(sorted);
                assertArrayEquals(LongStream.range(0, rows).toArray(), sorted);
                assertEquals(mode == LambdaMode.ELEM ? rows : 1, weights.length);
                float[] logits = out.head().toFloatArray();
                float[] expected =
                        Fixtures.expectedHiddenMix(x.toFloatArray(), COLS, weights, permutation);
                assertArrayEquals(expected, logits, 1e-3f);
                assertEquals(
                        mixedTargetCrossEntropy(logits, classes, weights, permutation),
                        loss,
                        1e-4 * Math.max(1, Math.abs(loss)));
                checked++;
            }
        }
        return checked;
    }

    /**
     * {@code -(1/B) sum_i sum_c T[i,c] log softmax(z_i)[c]} with {@code T_i = w_i onehot(y_i) + (1
     * - w_i) onehot(y_p(i))}, on the host.
     */
    private static double mixedTargetCrossEntropy(
            float[] logits, float[] classes, float[] weights, long[] permutation) {
        int rows = classes.length;
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < COLS; c++) {
                max = Math.max(max, logits[i * COLS + c]);
            }
            double norm = 0;
            for (int c = 0; c < COLS; c++) {
                norm += Math.exp(logits[i * COLS + c] - max);
            }
            double w = weights[weights.length == 1 ? 0 : i];
            int own = (int) classes[i];
            int partner = (int) classes[(int) permutation[i]];
            double logOwn = logits[i * COLS + own] - max - Math.log(norm);
            double logPartner = logits[i * COLS + partner] - max - Math.log(norm);
            sum -= w * logOwn + (1 - w) * logPartner;
        }
        return sum / rows;
    }
}
