/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.plot;

import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.Adversarial;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.RobustnessReport.SeverityMean;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figures of {@link RobustnessReport}s, one report per model, each model in the same colour in
 * every figure: accuracy under each corruption against severity, the means over the corruptions of
 * accuracy and ECE against severity, accuracy under FGSM and PGD against epsilon, and histograms of
 * the maximum softmax probability on in- and out-of-distribution images. Severity 0 and epsilon 0
 * are the clean images.
 */
public final class RobustnessCharts {

    /** The accuracy under each corruption, one small panel per corruption. */
    static final String CORRUPTION_ACCURACY = "corruption-accuracy.png";

    /** The means over the corruptions of accuracy and ECE. */
    static final String CORRUPTION_CALIBRATION = "corruption-calibration.png";

    /** The accuracy under the attacks. */
    static final String ADVERSARIAL = "adversarial.png";

    /** The confidence histograms, one panel per model. */
    static final String OOD_CONFIDENCE = "ood-confidence.png";

    /** The columns of the corruption grid. */
    static final int CORRUPTION_COLUMNS = 6;

    /** The size of one corruption panel in pixels. */
    static final int SMALL_WIDTH = 300;

    /** The height of one corruption panel in pixels. */
    static final int SMALL_HEIGHT = 240;

    /** The size of the side-by-side charts in pixels. */
    static final int WIDTH = 560;

    /** The height of the side-by-side charts in pixels. */
    static final int HEIGHT = 420;

    /** The columns of the confidence grid. */
    static final int OOD_COLUMNS = 3;

    /** The size of one confidence panel in pixels. */
    static final int OOD_WIDTH = 480;

    /** The height of one confidence panel in pixels. */
    static final int OOD_HEIGHT = 360;

    /** Tableau's ten colours: distinct on white, in the order models are given. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(44, 160, 44),
        new Color(214, 39, 40),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private static final Font PANEL_AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private static final String IN_DISTRIBUTION = "in-distribution";

    private RobustnessCharts() {}

    /**
     * Writes the four figures into dir and returns their paths.
     *
     * <p>A figure whose data no report has is skipped: without corruptions neither {@value
     * #CORRUPTION_ACCURACY} nor {@value #CORRUPTION_CALIBRATION}, without attacks no {@value
     * #ADVERSARIAL}, without histograms no {@value #OOD_CONFIDENCE}. Each file is written
     * atomically.
     *
     * @param reports one report per model, in the order of their colours and legends
     * @param dir the directory to write into; created if missing
     * @return the files written, in the order above
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(List<RobustnessReport> reports, Path dir) throws IOException {
        List<String> names = uniqueNames(reports);
        List<Path> written = new ArrayList<>();
        if (reports.stream().anyMatch(r -> !list(r.corruptions()).isEmpty())) {
            Path file = dir.resolve(CORRUPTION_ACCURACY);
            writeCorruptionGrid(reports, names, file);
            written.add(file);
            file = dir.resolve(CORRUPTION_CALIBRATION);
            Charts.writeSideBySide(
                    List.of(
                            severityChart(
                                    reports,
                                    names,
                                    "Mean accuracy over corruptions",
                                    "mean accuracy",
                                    RobustnessReport.Clean::accuracy,
                                    SeverityMean::accuracy),
                            severityChart(
                                    reports,
                                    names,
                                    "Mean ECE over corruptions",
                                    "mean ECE (15 bins)",
                                    RobustnessReport.Clean::ece,
                                    SeverityMean::ece)),
                    WIDTH,
                    HEIGHT,
                    file);
            written.add(file);
        }
        List<JFreeChart> attacks = new ArrayList<>();
        for (String attack : List.of("fgsm", "pgd")) {
            JFreeChart chart = attackChart(reports, names, attack);
            if (chart != null) {
                attacks.add(chart);
            }
        }
        if (!attacks.isEmpty()) {
            Path file = dir.resolve(ADVERSARIAL);
            Charts.writeSideBySide(attacks, WIDTH, HEIGHT, file);
            written.add(file);
        }
        if (reports.stream().anyMatch(r -> hasHistograms(r.confidenceHistograms()))) {
            Path file = dir.resolve(OOD_CONFIDENCE);
            writeConfidenceGrid(reports, names, file);
            written.add(file);
        }
        return written;
    }

    /** One panel per corruption, in the order the reports list them, with one legend below. */
    private static void writeCorruptionGrid(
            List<RobustnessReport> reports, List<String> names, Path file) throws IOException {
        Set<String> corruptions = new LinkedHashSet<>();
        reports.forEach(r -> list(r.corruptions()).forEach(c -> corruptions.add(c.corruption())));
        List<JFreeChart> panels = new ArrayList<>();
        for (String corruption : corruptions) {
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (int m = 0; m < reports.size(); m++) {
                RobustnessReport report = reports.get(m);
                XYSeries series = new XYSeries(names.get(m));
                if (report.clean() != null) {
                    series.add(0, report.clean().accuracy());
                }
                for (Corrupted c : list(report.corruptions())) {
                    if (c.corruption().equals(corruption)) {
                        series.add(c.severity(), c.accuracy());
                    }
                }
                dataset.addSeries(series);
            }
            JFreeChart panel = lineChart(corruption, "severity", "accuracy", dataset, false);
            panel.getTitle().setFont(PANEL_TITLE);
            panel.getXYPlot().getDomainAxis().setLabelFont(PANEL_AXIS);
            panel.getXYPlot().getRangeAxis().setLabelFont(PANEL_AXIS);
            severityAxis(panel);
            accuracyAxis(panel);
            panels.add(panel);
        }
        Charts.writeGrid(
                panels,
                legend(panels.get(0)),
                Math.min(CORRUPTION_COLUMNS, panels.size()),
                SMALL_WIDTH,
                SMALL_HEIGHT,
                file);
    }

    /** A figure's mean over the corruptions against severity; severity 0 from the clean images. */
    private static JFreeChart severityChart(
            List<RobustnessReport> reports,
            List<String> names,
            String title,
            String axis,
            ToDoubleFunction<RobustnessReport.Clean> clean,
            ToDoubleFunction<SeverityMean> mean) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int m = 0; m < reports.size(); m++) {
            RobustnessReport report = reports.get(m);
            XYSeries series = new XYSeries(names.get(m));
            if (report.clean() != null && !list(report.corruptionMeans()).isEmpty()) {
                series.add(0, clean.applyAsDouble(report.clean()));
            }
            for (SeverityMean s : list(report.corruptionMeans())) {
                series.add(s.severity(), mean.applyAsDouble(s));
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = lineChart(title, "severity (0 = clean)", axis, dataset, true);
        severityAxis(chart);
        if (axis.contains("accuracy")) {
            accuracyAxis(chart);
        }
        return chart;
    }

    /** Accuracy under one attack against epsilon, epsilon 0 from the clean images; null if none. */
    private static JFreeChart attackChart(
            List<RobustnessReport> reports, List<String> names, String attack) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        Set<Integer> steps = new TreeSet<>();
        boolean any = false;
        for (int m = 0; m < reports.size(); m++) {
            RobustnessReport report = reports.get(m);
            XYSeries series = new XYSeries(names.get(m));
            for (Adversarial a : list(report.adversarial())) {
                if (a.attack().equalsIgnoreCase(attack)) {
                    series.add(a.epsilon(), a.accuracy());
                    if (a.steps() != null) {
                        steps.add(a.steps());
                    }
                }
            }
            if (series.getItemCount() > 0) {
                any = true;
                if (report.clean() != null) {
                    series.add(0, report.clean().accuracy());
                }
            }
            dataset.addSeries(series);
        }
        if (!any) {
            return null;
        }
        String title = "Accuracy under " + attack.toUpperCase(Locale.ROOT);
        if (steps.size() == 1) {
            title += " (" + steps.iterator().next() + " steps)";
        }
        JFreeChart chart =
                lineChart(title, "epsilon (L\u221e, 0 = clean)", "accuracy", dataset, true);
        accuracyAxis(chart);
        // a margin left of epsilon 0, so that the clean point shows whole
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setAutoRangeStickyZero(false);
        return chart;
    }

    /** One panel per model with a histogram outline per image set, one legend below. */
    private static void writeConfidenceGrid(
            List<RobustnessReport> reports, List<String> names, Path file) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        reports.forEach(
                r -> {
                    if (r.confidenceHistograms() != null) {
                        keys.addAll(r.confidenceHistograms().keySet());
                    }
                });
        // the in-distribution images first, in the first colour
        Set<String> sets = new LinkedHashSet<>();
        if (keys.contains(IN_DISTRIBUTION)) {
            sets.add(IN_DISTRIBUTION);
        }
        sets.addAll(keys);
        List<JFreeChart> panels = new ArrayList<>();
        for (int m = 0; m < reports.size(); m++) {
            RobustnessReport report = reports.get(m);
            Map<String, long[]> histograms =
                    report.confidenceHistograms() == null
                            ? Map.of()
                            : report.confidenceHistograms();
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (String set : sets) {
                XYSeries series = new XYSeries(set);
                long[] counts = histograms.get(set);
                long total = 0;
                for (long count : counts == null ? new long[0] : counts) {
                    total += count;
                }
                if (total > 0) {
                    for (int b = 0; b < counts.length; b++) {
                        series.add((double) b / counts.length, (double) counts[b] / total);
                    }
                    // closes the last bin's step at confidence 1
                    series.add(1.0, (double) counts[counts.length - 1] / total);
                }
                dataset.addSeries(series);
            }
            String title = names.get(m);
            for (OutOfDistribution o : list(report.ood())) {
                if ("mnist".equals(o.dataset()) && "max_softmax".equals(o.score())) {
                    title += String.format(Locale.ROOT, " (MNIST AUROC %.3f)", o.auroc());
                    break;
                }
            }
            JFreeChart panel =
                    ChartFactory.createXYLineChart(
                            title,
                            "max softmax probability",
                            "fraction of the set's images",
                            dataset,
                            PlotOrientation.VERTICAL,
                            false,
                            false,
                            false);
            panel.getTitle().setFont(PANEL_TITLE);
            XYPlot plot = panel.getXYPlot();
            XYStepRenderer renderer = new XYStepRenderer();
            style(plot, renderer);
            NumberAxis confidence = (NumberAxis) plot.getDomainAxis();
            confidence.setRange(0, 1);
            ((NumberAxis) plot.getRangeAxis()).setLowerBound(0);
            panels.add(panel);
        }
        Charts.writeGrid(
                panels,
                legend(panels.get(0)),
                Math.min(OOD_COLUMNS, panels.size()),
                OOD_WIDTH,
                OOD_HEIGHT,
                file);
    }

    /** An XY line chart with points, one series per model in the palette's colours. */
    private static JFreeChart lineChart(
            String title,
            String xLabel,
            String yLabel,
            XYSeriesCollection dataset,
            boolean legend) {
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        title,
                        xLabel,
                        yLabel,
                        dataset,
                        PlotOrientation.VERTICAL,
                        legend,
                        false,
                        false);
        style(chart.getXYPlot(), new XYLineAndShapeRenderer(true, true));
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** White background, light grid, the palette and thick lines. */
    private static void style(XYPlot plot, XYLineAndShapeRenderer renderer) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(200, 200, 200));
        plot.setRangeGridlinePaint(new Color(200, 200, 200));
        plot.setOutlinePaint(Color.GRAY);
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
    }

    /** Severity ticks at the integers 0 to 5. */
    private static void severityAxis(JFreeChart chart) {
        NumberAxis axis = (NumberAxis) chart.getXYPlot().getDomainAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setRange(-0.25, 5.25);
    }

    /** Accuracy from 0 to 1, so that panels compare. */
    private static void accuracyAxis(JFreeChart chart) {
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1.02);
    }

    /** A legend of a panel's series, which every panel of the figure shares. */
    private static LegendTitle legend(JFreeChart panel) {
        LegendTitle legend = new LegendTitle(panel.getXYPlot());
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return legend;
    }

    private static boolean hasHistograms(Map<String, long[]> histograms) {
        return histograms != null
                && histograms.values().stream()
                        .anyMatch(counts -> counts != null && counts.length > 0);
    }

    /** The models' names, a repeated one suffixed with its position, since series need keys. */
    private static List<String> uniqueNames(List<RobustnessReport> reports) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < reports.size(); m++) {
            String name = reports.get(m).model() == null ? "model" : reports.get(m).model();
            if (!seen.add(name)) {
                name = name + " (" + (m + 1) + ")";
                seen.add(name);
            }
            names.add(name);
        }
        return names;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
