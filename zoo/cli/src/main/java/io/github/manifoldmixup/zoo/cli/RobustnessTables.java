/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import io.github.manifoldmixup.robustness.RobustnessReport;
import io.github.manifoldmixup.robustness.RobustnessReport.Adversarial;
import io.github.manifoldmixup.robustness.RobustnessReport.Corrupted;
import io.github.manifoldmixup.robustness.RobustnessReport.OutOfDistribution;
import io.github.manifoldmixup.robustness.RobustnessReport.SeverityMean;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The robustness suite's reports as one table per part, a row per model. */
final class RobustnessTables {

    private RobustnessTables() {}

    /** Prints the clean, adversarial, corruption and out-of-distribution tables. */
    static void print(PrintWriter out, List<RobustnessReport> reports) {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-22s %7s %9s %7s %7s %7s%n",
                "clean",
                "images",
                "accuracy",
                "NLL",
                "ECE",
                "Brier");
        for (RobustnessReport r : reports) {
            out.printf(
                    Locale.ROOT,
                    "%-22s %7d %8.2f%% %7.4f %7.4f %7.4f%n",
                    r.model(),
                    r.clean().images(),
                    100 * r.clean().accuracy(),
                    r.clean().nll(),
                    r.clean().ece(),
                    r.clean().brier());
        }
        adversarial(out, reports);
        corruptions(out, reports);
        ood(out, reports);
        out.flush();
    }

    private static void adversarial(PrintWriter out, List<RobustnessReport> reports) {
        Set<String> columns = new LinkedHashSet<>();
        reports.forEach(r -> r.adversarial().forEach(a -> columns.add(column(a))));
        if (columns.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-22s", "accuracy under attack");
        columns.forEach(c -> out.printf(Locale.ROOT, " %13s", c));
        out.println();
        for (RobustnessReport r : reports) {
            out.printf(Locale.ROOT, "%-22s", r.model());
            for (String c : columns) {
                Adversarial a =
                        r.adversarial().stream()
                                .filter(x -> column(x).equals(c))
                                .findFirst()
                                .orElse(null);
                out.printf(
                        Locale.ROOT,
                        a == null ? " %13s" : " %12.2f%%",
                        a == null ? "-" : 100 * a.accuracy());
            }
            out.println();
        }
        out.println("(PGD: eps/10 steps, random start; the first images of the test set)");
    }

    private static String column(Adversarial a) {
        return a.steps() == null
                ? String.format(Locale.ROOT, "%s %.2f", a.attack(), a.epsilon())
                : String.format(Locale.ROOT, "%s-%d %.2f", a.attack(), a.steps(), a.epsilon());
    }

    private static void corruptions(PrintWriter out, List<RobustnessReport> reports) {
        if (reports.stream().allMatch(r -> r.corruptions().isEmpty())) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-22s", "corrupted: mean acc/ECE");
        for (SeverityMean m : reports.get(0).corruptionMeans()) {
            out.printf(Locale.ROOT, "   severity %d  ", m.severity());
        }
        out.printf(Locale.ROOT, " %8s %8s%n", "mCE", "rel. mCE");
        for (RobustnessReport r : reports) {
            out.printf(Locale.ROOT, "%-22s", r.model());
            for (SeverityMean m : r.corruptionMeans()) {
                out.printf(Locale.ROOT, " %6.2f%% %6.4f", 100 * m.accuracy(), m.ece());
            }
            out.printf(
                    Locale.ROOT,
                    " %7.2f%% %8s%n",
                    100 * r.meanCorruptionError(),
                    r.relativeMeanCorruptionError() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.3f", r.relativeMeanCorruptionError()));
        }
        List<String> names = new ArrayList<>();
        reports.get(0)
                .corruptions()
                .forEach(
                        c -> {
                            if (!names.contains(c.corruption())) {
                                names.add(c.corruption());
                            }
                        });
        out.println();
        out.printf(Locale.ROOT, "%-16s", "accuracy, mean over severities");
        out.println();
        out.printf(Locale.ROOT, "%-16s", "");
        reports.forEach(r -> out.printf(Locale.ROOT, " %20s", r.model()));
        out.println();
        for (String name : names) {
            out.printf(Locale.ROOT, "%-16s", name);
            for (RobustnessReport r : reports) {
                double mean =
                        r.corruptions().stream()
                                .filter(c -> c.corruption().equals(name))
                                .mapToDouble(Corrupted::accuracy)
                                .average()
                                .orElse(Double.NaN);
                out.printf(Locale.ROOT, " %19.2f%%", 100 * mean);
            }
            out.println();
        }
        out.println(
                "(mCE: mean error over every corruption and severity; rel. mCE: ImageNet-C's, against none)");
    }

    private static void ood(PrintWriter out, List<RobustnessReport> reports) {
        if (reports.stream().allMatch(r -> r.ood().isEmpty())) {
            return;
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "%-22s %-15s %-24s %7s %8s %8s %7s %9s%n",
                "out-of-distribution",
                "data set",
                "score",
                "AUROC",
                "AUPR-in",
                "AUPR-out",
                "FPR95",
                "mean conf");
        for (RobustnessReport r : reports) {
            for (OutOfDistribution o : r.ood()) {
                out.printf(
                        Locale.ROOT,
                        "%-22s %-15s %-24s %7.4f %8.4f %8.4f %7.4f %9.4f%n",
                        r.model(),
                        o.dataset(),
                        o.score()
                                + (o.temperature() == 1
                                        ? ""
                                        : String.format(Locale.ROOT, " (T %.3f)", o.temperature())),
                        o.auroc(),
                        o.auprIn(),
                        o.auprOut(),
                        o.fpr95(),
                        o.meanConfidence());
            }
        }
        out.println(
                "(in-distribution: the Fashion-MNIST test images; higher score = in-distribution)");
    }
}
