/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.testing;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of a test class whose every test works in a fresh base {@link NDManager} of the default
 * engine, closed (with every array made in it) after the test. A subclass's own {@code @BeforeEach}
 * methods run after the manager is open, its {@code @AfterEach} methods before it is closed.
 *
 * <p>Shared with the other modules' tests through this module's test jar ({@code
 * manifold-mixup-api}, type {@code test-jar}), which holds this package only.
 */
public abstract class NDManagerPerTest {

    /** The test's manager: open during the test, closed after it. */
    protected NDManager manager;

    /** Creates the base of a test class. */
    protected NDManagerPerTest() {}

    /** Opens the test's manager. */
    @BeforeEach
    protected final void openManager() {
        manager = NDManager.newBaseManager();
    }

    /** Closes the test's manager and its arrays. */
    @AfterEach
    protected final void closeManager() {
        manager.close();
    }
}
