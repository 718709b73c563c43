package io.github.manifoldmixup.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.github.manifoldmixup.loss.MixupLoss;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's life cycle against a mocked trainer and model: no engine work involved. */
class ManifoldMixupTrainingListenerTest {

    private final AtomicReference<Block> current = new AtomicReference<>();
    private Block userBlock;
    private Model model;

    private static SequentialBlock mlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(2).build());
    }

    @BeforeEach
    void setUp() {
        userBlock = mlp();
        current.set(userBlock);
        model = mock(Model.class);
        when(model.getName()).thenReturn("mocked");
        when(model.getBlock()).thenAnswer(invocation -> current.get());
        doAnswer(
                        invocation -> {
                            current.set(invocation.getArgument(0));
                            return null;
                        })
                .when(model)
                .setBlock(any());
    }

    private Trainer trainer(Loss loss) {
        Trainer trainer = mock(Trainer.class);
        NDManager manager = mock(NDManager.class);
        when(manager.getEngine()).thenReturn(mock(Engine.class));
        when(trainer.getManager()).thenReturn(manager);
        when(trainer.getModel()).thenReturn(model);
        when(trainer.getLoss()).thenReturn(loss);
        return trainer;
    }

    private static ManifoldMixupTrainingListener listener() {
        return ManifoldMixupTrainingListener.builder().optStrategy("test-interpolation").build();
    }

    @Test
    void swapsTheBlockAtTheStartAndPutsTheSameObjectBackAtTheEnd() {
        ManifoldMixupTrainingListener listener = listener();
        Trainer trainer = trainer(MixupLoss.wrap(Loss.softmaxCrossEntropyLoss()));
        listener.onTrainingBegin(trainer);
        MixingBlock stand = assertInstanceOf(MixingBlock.class, current.get());
        assertSame(userBlock, stand.getBlock());
        assertSame(
                userBlock.getParameters().get(0).getValue(),
                stand.getParameters().get(0).getValue());
        listener.onTrainingEnd(trainer);
        assertSame(userBlock, current.get());
        listener.onTrainingEnd(trainer); // a second close changes nothing
        assertSame(userBlock, current.get());
    }

    @Test
    void anUnwrappedLossIsRefusedBeforeTheBlockIsTouched() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> listener().onTrainingBegin(trainer(Loss.softmaxCrossEntropyLoss())));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "new DefaultTrainingConfig(MixupLoss.wrap("
                                        + "Loss.softmaxCrossEntropyLoss()))"),
                e.getMessage());
        verify(model, never()).setBlock(any());
    }

    @Test
    void epochStatisticsAreEmptyEpochsWhenNothingWasMixed() {
        ManifoldMixupTrainingListener listener = listener();
        Trainer trainer = trainer(MixupLoss.wrap(Loss.l2Loss()));
        listener.onTrainingBegin(trainer);
        listener.onEpoch(trainer);
        MixingStatistics epoch = listener.getEpochStatistics().get(0);
        assertEquals(0, epoch.epoch());
        assertEquals(0, epoch.mixedBatches());
        assertTrue(Double.isNaN(epoch.meanLambda()));
        assertEquals(1, epoch.batchesPerLayer().size(), "one automatic point: after the ReLU");
        listener.onTrainingEnd(trainer);
    }
}
