/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The decision boundary and confidence of a two-class classifier over a 2-D plane: each cell is
 * coloured by the probability of class 1, blue (class 0, confident) through white (0.5, the
 * boundary, no confidence) to red (class 1, confident), with the training points on top.
 */
public final class ConfidenceMap {

    private ConfidenceMap() {}

    /**
     * Draws the map.
     *
     * @param probabilities the probability of class 1 at each grid point, {@code [row][column]},
     *     row 0 at {@code min} of the vertical axis
     * @param min the lowest coordinate of both axes
     * @param max the highest coordinate of both axes
     * @param points the training points, {@code [i] = {x, y, label}}
     * @param title the chart's title
     * @return the chart
     */
    public static JFreeChart chart(
            float[][] probabilities, double min, double max, float[][] points, String title) {
        int rows = probabilities.length;
        int columns = probabilities[0].length;
        double cell = (max - min) / (columns - 1);
        double[][] grid = new double[3][rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                grid[0][i] = min + c * cell;
                grid[1][i] = min + r * cell;
                grid[2][i] = probabilities[r][c];
            }
        }
        DefaultXYZDataset map = new DefaultXYZDataset();
        map.addSeries("p(class 1)", grid);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(cell);
        blocks.setBlockHeight(cell);
        blocks.setPaintScale(new BlueWhiteRed());

        XYSeries zero = new XYSeries("class 0");
        XYSeries one = new XYSeries("class 1");
        for (float[] point : points) {
            (point[2] == 0 ? zero : one).add(point[0], point[1]);
        }
        XYSeriesCollection scatter = new XYSeriesCollection();
        scatter.addSeries(zero);
        scatter.addSeries(one);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(20, 40, 120));
        dots.setSeriesPaint(1, new Color(120, 20, 20));
        Shape dot = new Ellipse2D.Double(-1.5, -1.5, 3, 3);
        dots.setSeriesShape(0, dot);
        dots.setSeriesShape(1, dot);

        NumberAxis x = new NumberAxis("x");
        x.setRange(min, max);
        NumberAxis y = new NumberAxis("y");
        y.setRange(min, max);
        XYPlot plot = new XYPlot(scatter, x, y, dots);
        plot.setDataset(1, map);
        plot.setRenderer(1, blocks);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    /** Blue at 0, white at 0.5, red at 1. */
    private static final class BlueWhiteRed implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Math.max(0, Math.min(1, value));
            int fade = (int) Math.round(255 * (1 - Math.abs(2 * v - 1)));
            return v < 0.5 ? new Color(fade, fade, 255) : new Color(255, fade, fade);
        }
    }
}
