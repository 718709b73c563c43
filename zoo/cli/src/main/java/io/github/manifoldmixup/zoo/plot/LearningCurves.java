/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Learning curves: one line per training run of a figure measured after each epoch. */
public final class LearningCurves {

    private LearningCurves() {}

    /**
     * Draws one figure of several runs against the epoch.
     *
     * @param runs per run name, its epochs' records in order (epoch 1 first)
     * @param figure reads the plotted figure from a record
     * @param title the chart's title
     * @param axis the figure's axis label
     * @param <T> the record type
     * @return the chart
     */
    public static <T> JFreeChart chart(
            Map<String, ? extends Iterable<T>> runs,
            ToDoubleFunction<T> figure,
            String title,
            String axis) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Map.Entry<String, ? extends Iterable<T>> run : runs.entrySet()) {
            XYSeries series = new XYSeries(run.getKey());
            int epoch = 1;
            for (T record : run.getValue()) {
                series.add(epoch++, figure.applyAsDouble(record));
            }
            dataset.addSeries(series);
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        title,
                        "epoch",
                        axis,
                        dataset,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
