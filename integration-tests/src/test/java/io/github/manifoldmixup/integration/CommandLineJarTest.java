/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar {@code zoo/cli/target/manifold-mixup.jar} as a user runs it, with {@code java
 * -jar} in its own process: help, a usage mistake (status 2), a failure while running (status 1),
 * neither with a stack trace unless {@code --debug}, and a short training run that logs the
 * listener's lines at info level.
 */
class CommandLineJarTest {

    @TempDir Path work;

    @Test
    void helpListsTheSubcommands() throws Exception {
        Processes.Result help = Processes.run(work, 2, Processes.jar("--help"));
        assertEquals(0, help.status(), help.both());
        for (String command : new String[] {"demo", "train", "evaluate", "zoo"}) {
            assertTrue(help.out().contains(command), help.both());
        }
    }

    @Test
    void aUsageMistakeExitsTwoWithItsMessageAndNoStackTrace() throws Exception {
        Processes.Result unknown =
                Processes.run(work, 2, Processes.jar("evaluate", "--zoo-mixup", "manifld"));
        assertEquals(2, unknown.status(), unknown.both());
        assertTrue(unknown.err().contains("Unknown mixup variant 'manifld'"), unknown.both());
        assertFalse(unknown.err().contains("\tat "), unknown.both());

        Processes.Result option = Processes.run(work, 2, Processes.jar("zoo", "list", "--bogus"));
        assertEquals(2, option.status(), option.both());
        assertTrue(option.err().contains("--bogus"), option.both());
    }

    @Test
    void aFailureWhileRunningExitsOneAndDebugShowsTheStackTrace() throws Exception {
        Path damaged = Files.createDirectories(work.resolve("damaged"));
        Files.writeString(damaged.resolve("model-0000.params"), "not parameters");
        List<String> evaluate = List.of("evaluate", "--model-dir", damaged.toString());
        Processes.Result failed = Processes.run(work, 3, Processes.jar(evaluate));
        assertEquals(1, failed.status(), failed.both());
        assertTrue(failed.err().contains("(--debug shows the stack trace)"), failed.both());
        assertFalse(failed.err().contains("\tat "), failed.both());

        List<String> debug = new ArrayList<>(evaluate);
        debug.add("--debug");
        Processes.Result traced = Processes.run(work, 3, Processes.jar(debug));
        assertEquals(1, traced.status(), traced.both());
        assertTrue(traced.err().contains("\tat "), traced.both());
    }

    @Test
    void aShortTrainingRunLogsTheListenersLinesAndWritesACheckpoint() throws Exception {
        Path images = work.resolve("images");
        Random random = new Random(5);
        for (String label : List.of("dark", "light")) {
            Path folder = Files.createDirectories(images.resolve(label));
            for (int i = 0; i < 16; i++) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int v = (label.equals("dark") ? 0 : 150) + random.nextInt(100);
                        image.setRGB(x, y, (v << 16) | (v << 8) | v);
                    }
                }
                ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
            }
        }
        Path run = work.resolve("run");
        Processes.Result train =
                Processes.run(
                        work,
                        5,
                        Processes.jar(
                                "train",
                                "--image-folder",
                                images.toString(),
                                "--image-size",
                                "16",
                                "--alpha",
                                "2",
                                "--include-input",
                                "--epochs",
                                "1",
                                "--batch",
                                "8",
                                "--dir",
                                run.toString()));
        assertEquals(0, train.status(), train.both());
        // the listener's own lines, at info level (the tests' logging configuration silences them)
        assertTrue(
                train.err().contains("Manifold Mixup: 'mixup' alpha 2.0, mixing at input"),
                train.both());
        assertTrue(train.err().contains("Manifold Mixup epoch 0: "), train.both());
        assertTrue(Files.isRegularFile(run.resolve("latest")), train.both());
    }
}
