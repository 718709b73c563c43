/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.zoo.demo.SpiralsExperiment.Outcome;
import io.github.manifoldmixup.zoo.demo.SpiralsExperiment.Variant;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reduced demo: the paper's claim on the spirals, and figures that show something. */
class SpiralsDemoTest {

    @TempDir Path out;

    @Test
    void manifoldMixupIsLessConfidentAwayFromTheDataAndTheFiguresAreDrawn() throws Exception {
        List<Outcome> outcomes = new SpiralsExperiment(15, 1000, 7).run();
        Outcome none = outcomes.get(0);
        Outcome manifold = outcomes.get(2);
        assertEquals(Variant.NONE, none.variant());
        assertEquals(Variant.MANIFOLD, manifold.variant());
        assertTrue(
                manifold.offDataConfidence() < none.offDataConfidence(),
                SpiralsDemo.table(outcomes));
        assertTrue(
                none.test().accuracy() > 0.8f && manifold.test().accuracy() > 0.8f,
                SpiralsDemo.table(outcomes));

        SpiralsDemo.writeFigures(outcomes, out);
        checkPicture("decision-boundaries.png", 3 * 420, 420);
        checkPicture("reliability.png", 3 * 420, 480);
        checkPicture("spectra.png", 640, 420);
    }

    private void checkPicture(String name, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(out.resolve(name).toFile());
        assertEquals(width, image.getWidth(), name);
        assertEquals(height, image.getHeight(), name);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 7) {
            for (int x = 0; x < width; x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, name + " has only " + colours.size() + " colours");
    }
}
