/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import io.github.manifoldmixup.zoo.files.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.Range;

/** Writes charts as PNG files, alone, side by side or in a grid, atomically. */
public final class Charts {

    /** The least height of the legend strip below a grid, in pixels. */
    static final int LEGEND_STRIP = 40;

    private static final String HEADLESS = "java.awt.headless";

    private Charts() {}

    /**
     * Tells AWT that it has no display, unless the JVM was told either way: for a program's {@code
     * main}, before anything touches AWT. The charts do not need it (they are drawn into {@link
     * BufferedImage}s, which works with a display or without one); it keeps a command-line run from
     * connecting to a display or showing a window or dock icon. Loading this class sets nothing.
     */
    public static void headlessUnlessSet() {
        if (System.getProperty(HEADLESS) == null) {
            System.setProperty(HEADLESS, "true");
        }
    }

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
        writeGrid(charts, null, charts.size(), width, height, file);
    }

    /**
     * Writes charts in a grid in one PNG, row by row; the cells left over in the last row stay
     * white.
     *
     * @param charts the charts, left to right and top to bottom
     * @param columns the number of columns
     * @param width the width of each chart in pixels
     * @param height the height of each chart in pixels
     * @param file the PNG to write; written to a temporary file first and then moved in place
     * @throws IOException if the file cannot be written
     */
    public static void writeGrid(
            List<JFreeChart> charts, int columns, int width, int height, Path file)
            throws IOException {
        writeGrid(charts, null, columns, width, height, file);
    }

    /**
     * Writes charts in a grid in one PNG with one legend for all of them, centred in a strip below
     * the grid (at least {@value #LEGEND_STRIP} pixels high).
     *
     * @param charts the charts, left to right and top to bottom
     * @param legend the legend shared by the charts; null for none
     * @param columns the number of columns
     * @param width the width of each chart in pixels
     * @param height the height of each chart in pixels
     * @param file the PNG to write; written to a temporary file first and then moved in place
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if there are no charts or columns
     */
    public static void writeGrid(
            List<JFreeChart> charts,
            LegendTitle legend,
            int columns,
            int width,
            int height,
            Path file)
            throws IOException {
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException(
                    "A grid needs charts and columns, not " + charts.size() + " and " + columns);
        }
        int rows = (charts.size() + columns - 1) / columns;
        int gridWidth = width * Math.min(columns, charts.size());
        double legendWidth = 0;
        double legendHeight = 0;
        if (legend != null) {
            Graphics2D scratch =
                    new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            var size =
                    legend.arrange(
                            scratch,
                            new RectangleConstraint(new Range(0, gridWidth), new Range(0, 1e4)));
            scratch.dispose();
            legendWidth = Math.min(gridWidth, size.getWidth());
            legendHeight = size.getHeight();
        }
        int strip = legend == null ? 0 : Math.max(LEGEND_STRIP, (int) Math.ceil(legendHeight) + 10);
        BufferedImage image =
                new BufferedImage(gridWidth, rows * height + strip, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            graphics.drawImage(
                    charts.get(i).createBufferedImage(width, height),
                    (i % columns) * width,
                    (i / columns) * height,
                    null);
        }
        if (legend != null) {
            graphics.setRenderingHint(
                    RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            legend.draw(
                    graphics,
                    new Rectangle2D.Double(
                            (gridWidth - legendWidth) / 2,
                            rows * height + (strip - legendHeight) / 2,
                            legendWidth,
                            legendHeight));
        }
        graphics.dispose();
        write(image, file);
    }

    /** Writes an image as a PNG to a temporary file beside the target, then moves it in place. */
    private static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }
}
