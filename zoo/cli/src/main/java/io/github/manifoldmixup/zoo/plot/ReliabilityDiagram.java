/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import io.github.manifoldmixup.evaluator.Reliability;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A reliability diagram with its confidence histogram: per equal-width confidence bin, the accuracy
 * (bars) against the diagonal of perfect calibration; bars below the diagonal mean over-confidence,
 * above it under-confidence. Below, the share of predictions in each bin.
 */
public final class ReliabilityDiagram {

    private ReliabilityDiagram() {}

    /**
     * Draws the diagram.
     *
     * @param reliability the bins, from {@code ExpectedCalibrationError.getReliability(key)}
     * @param title the chart's title
     * @return the chart
     */
    public static JFreeChart chart(Reliability reliability, String title) {
        int bins = reliability.bins();
        long total = 0;
        for (int b = 0; b < bins; b++) {
            total += reliability.count(b);
        }
        XYIntervalSeries accuracy = new XYIntervalSeries("accuracy");
        XYIntervalSeries share = new XYIntervalSeries("share of predictions");
        for (int b = 0; b < bins; b++) {
            double low = (double) b / bins;
            double high = (double) (b + 1) / bins;
            double centre = (low + high) / 2;
            if (reliability.count(b) > 0) {
                double value = reliability.accuracy(b);
                accuracy.add(centre, low, high, value, 0, value);
            }
            double fraction = total == 0 ? 0 : (double) reliability.count(b) / total;
            share.add(centre, low, high, fraction, 0, fraction);
        }
        XYSeries diagonal = new XYSeries("perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(1, 1);

        NumberAxis accuracyAxis = new NumberAxis("accuracy");
        accuracyAxis.setRange(0, 1);
        XYIntervalSeriesCollection accuracies = new XYIntervalSeriesCollection();
        accuracies.addSeries(accuracy);
        XYPlot top = new XYPlot(accuracies, null, accuracyAxis, bars(new Color(70, 110, 180)));
        top.setDataset(1, new XYSeriesCollection(diagonal));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.DARK_GRAY);
        top.setRenderer(1, line);
        XYIntervalSeriesCollection shares = new XYIntervalSeriesCollection();
        shares.addSeries(share);
        XYPlot bottom =
                new XYPlot(shares, null, new NumberAxis("share"), bars(new Color(150, 150, 150)));

        NumberAxis confidence = new NumberAxis("confidence");
        confidence.setRange(0, 1);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(confidence);
        plot.add(top, 3);
        plot.add(bottom, 1);
        return new JFreeChart(
                String.format(Locale.ROOT, "%s (ECE %.3f)", title, reliability.expectedError()),
                JFreeChart.DEFAULT_TITLE_FONT,
                plot,
                true);
    }

    private static XYBarRenderer bars(Color color) {
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setSeriesPaint(0, color);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setUseYInterval(true);
        return renderer;
    }
}
