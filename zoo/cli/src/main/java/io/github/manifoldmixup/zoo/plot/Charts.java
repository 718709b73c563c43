/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Writes charts as PNG files, alone or side by side, atomically. */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * Writes charts side by side in one PNG.
     *
     * @param charts the charts, left to right
     * @param width the width of each chart in pixels
     * @param height the height in pixels
     * @param file the PNG to write; written to a temporary file first and then moved in place
     * @throws IOException if the file cannot be written
     */
    public static void writeSideBySide(List<JFreeChart> charts, int width, int height, Path file)
            throws IOException {
        BufferedImage image =
                new BufferedImage(width * charts.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            graphics.drawImage(
                    charts.get(i).createBufferedImage(width, height), i * width, 0, null);
        }
        graphics.dispose();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            ImageIO.write(image, "png", temporary.toFile());
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
