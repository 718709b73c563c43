/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixupStrategiesTest {

    @TempDir Path services;

    @Test
    void theEngineNeutralDefaultAndTheTestStrategyAreFoundByName() {
        assertEquals(InterpolationStrategy.class, MixupStrategies.find("mixup").getClass());
        assertEquals("test-interpolation", MixupStrategies.find("test-interpolation").getName());
        assertEquals(List.of("mixup", "test-interpolation"), MixupStrategies.names());
    }

    @Test
    void anUnknownNameListsTheAvailableStrategiesAndWhereTheyComeFrom() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MixupStrategies.find("cutmx"));
        assertTrue(e.getMessage().contains("Unknown mixing strategy 'cutmx'"), e.getMessage());
        assertTrue(e.getMessage().contains("Available: mixup, test-interpolation"), e.getMessage());
        assertTrue(e.getMessage().contains("manifold-mixup-pytorch"), e.getMessage());
    }

    @Test
    void twoStrategiesWithOneNameAreRefusedNamingBothClasses() throws Exception {
        IllegalStateException e =
                withServices(
                        List.of(Impostor.class.getName()),
                        () ->
                                assertThrows(
                                        IllegalStateException.class,
                                        () -> MixupStrategies.find("mixup")));
        assertTrue(e.getMessage().contains("Several mixing strategies are named 'mixup'"));
        assertTrue(e.getMessage().contains(InterpolationStrategy.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(Impostor.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("replaces()"), e.getMessage());
        // names elsewhere still resolve
        withServices(
                List.of(Impostor.class.getName()),
                () -> MixupStrategies.find("test-interpolation"));
    }

    @Test
    void aDeclaredReplacementWinsOnItsEngineAndFallsBackElsewhere() throws Exception {
        Engine special = engine("Special");
        Engine other = engine("Other");
        withServices(
                List.of(Replacement.class.getName()),
                () -> {
                    MixupStrategy found = MixupStrategies.find("mixup");
                    assertEquals(Replacement.class, found.getClass());
                    assertSame(found, MixupStrategies.forEngine(found, special));
                    assertEquals(
                            InterpolationStrategy.class,
                            MixupStrategies.forEngine(found, other).getClass());
                    assertEquals(List.of("mixup", "test-interpolation"), MixupStrategies.names());
                    return null;
                });
    }

    @Test
    void aBrokenServiceEntryIsReportedByFileAndLine() throws Exception {
        IllegalStateException e =
                withServices(
                        List.of("# my strategies", "com.example.NoSuchStrategy"),
                        () ->
                                assertThrows(
                                        IllegalStateException.class,
                                        () -> MixupStrategies.find("mixup")));
        assertTrue(
                e.getMessage().startsWith("Entry 'com.example.NoSuchStrategy' on line 2 of file:"),
                e.getMessage());
        assertTrue(e.getMessage().contains(services.toUri().getPath()), e.getMessage());
        assertTrue(e.getMessage().contains("remove the line"), e.getMessage());
    }

    /** Runs the action with a class loader that adds one more services file with these lines. */
    private <T> T withServices(List<String> lines, Callable<T> action) throws Exception {
        Path file = services.resolve("META-INF/services/" + MixupStrategy.class.getName());
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {services.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            return action.call();
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Engine engine(String name) {
        Engine engine = mock(Engine.class);
        when(engine.getEngineName()).thenReturn(name);
        return engine;
    }

    /** A second strategy named "mixup" that does not say it replaces the built-in one. */
    public static final class Impostor implements MixupStrategy {
        @Override
        public String getName() {
            return "mixup";
        }

        @Override
        public MixedState mix(NDArray hidden, MixingContext context) {
            throw new UnsupportedOperationException();
        }
    }

    /** A "mixup" for the engine named "Special" that replaces the built-in one there. */
    public static final class Replacement implements MixupStrategy {
        @Override
        public String getName() {
            return "mixup";
        }

        @Override
        public Optional<Class<? extends MixupStrategy>> replaces() {
            return Optional.of(InterpolationStrategy.class);
        }

        @Override
        public boolean supports(Engine engine) {
            return "Special".equals(engine.getEngineName());
        }

        @Override
        public MixedState mix(NDArray hidden, MixingContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
