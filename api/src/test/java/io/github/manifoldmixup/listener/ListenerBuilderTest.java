package io.github.manifoldmixup.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ListenerBuilderTest {

    @Test
    void alphaMustBePositive() {
        for (float alpha : new float[] {0f, -2f, Float.NaN, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    ManifoldMixupTrainingListener.builder()
                                            .optAlpha(alpha)
                                            .optStrategy("test-interpolation")
                                            .build());
            assertTrue(e.getMessage().startsWith("alpha must be a positive"), e.getMessage());
        }
    }

    @Test
    void anUnknownStrategyFailsAtBuildTimeListingTheAvailableOnes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ManifoldMixupTrainingListener.builder().optStrategy("cutmx").build());
        assertTrue(e.getMessage().contains("'cutmx'"), e.getMessage());
        assertTrue(e.getMessage().contains("test-interpolation"), e.getMessage());
    }

    @Test
    void theDefaultNeedsNoEngineModule() {
        // api alone: the engine-neutral interpolation is the default
        assertEquals(
                "io.github.manifoldmixup.strategy.InterpolationStrategy",
                ManifoldMixupTrainingListener.builder().build().getStrategy().getClass().getName());
    }

    @Test
    void theStrategyIsFoundByName() {
        ManifoldMixupTrainingListener listener =
                ManifoldMixupTrainingListener.builder()
                        .optStrategy("test-interpolation")
                        .optAlpha(0.2f)
                        .build();
        assertEquals("test-interpolation", listener.getStrategy().getName());
        assertEquals(0.2f, listener.getAlpha());
    }

    @Test
    void aNullLayerNameFailsAtBuildTimeWithAMessage() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ManifoldMixupTrainingListener.builder()
                                        .optStrategy("test-interpolation")
                                        .optMixingLayers("input", null)
                                        .build());
        assertTrue(
                e.getMessage().startsWith("A mixing layer name is null: [input, null]"),
                e.getMessage());
    }
}
