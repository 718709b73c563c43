package io.github.manifoldmixup.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixupStrategiesTest {

    @Test
    void findsAStrategyRegisteredInMetaInfServicesByName() {
        assertEquals("test-interpolation", MixupStrategies.find("test-interpolation").getName());
        assertEquals(List.of("test-interpolation"), MixupStrategies.names());
    }

    @Test
    void anUnknownNameListsTheAvailableStrategiesAndWhereTheyComeFrom() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MixupStrategies.find("mixup"));
        assertTrue(e.getMessage().contains("Unknown mixing strategy 'mixup'"), e.getMessage());
        assertTrue(e.getMessage().contains("Available: test-interpolation"), e.getMessage());
        assertTrue(e.getMessage().contains("manifold-mixup-pytorch"), e.getMessage());
    }
}
