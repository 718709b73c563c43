/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Singular-value spectra of class-conditional hidden representations: for each training variant,
 * the singular values of each class's centred representations, averaged over classes, largest
 * first. A flatter representation has fewer large values.
 */
public final class SpectrumChart {

    private SpectrumChart() {}

    /**
     * Draws the spectra.
     *
     * @param spectra per variant, the class-averaged singular values, largest first
     * @param title the chart's title
     * @return the chart
     */
    public static JFreeChart chart(Map<String, double[]> spectra, String title) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> spectrum : spectra.entrySet()) {
            double[] values = spectrum.getValue();
            for (int i = 0; i < values.length; i++) {
                dataset.addValue(values[i], spectrum.getKey(), "s" + (i + 1));
            }
        }
        return ChartFactory.createBarChart(
                title,
                "singular value",
                "mean over classes",
                dataset,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
    }
}
