/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Singular values of class-conditional hidden representations, the paper's measure of flattening:
 * for each class, the representations of its examples are centred and their singular values taken
 * (divided by the square root of the class size, so they are standard deviations along the
 * principal directions). A flatter class has fewer directions of large variance.
 */
public final class ClassSpectra {

    private ClassSpectra() {}

    /**
     * Computes the spectra.
     *
     * @param features row-major {@code (N, width)} representations
     * @param width the representation size
     * @param labels the class of each example, {@code 0 .. classes - 1}
     * @param classes the number of classes
     * @return {@code [class][i]}, largest first; a class with fewer than two examples gets zeros
     */
    public static double[][] of(float[] features, int width, float[] labels, int classes) {
        double[][] spectra = new double[classes][width];
        for (int label = 0; label < classes; label++) {
            int count = 0;
            double[] mean = new double[width];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    count++;
                    for (int j = 0; j < width; j++) {
                        mean[j] += features[i * width + j];
                    }
                }
            }
            if (count < 2) {
                continue;
            }
            double[][] centred = new double[count][width];
            int row = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    for (int j = 0; j < width; j++) {
                        centred[row][j] = features[i * width + j] - mean[j] / count;
                    }
                    row++;
                }
            }
            double[] singular =
                    new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false))
                            .getSingularValues();
            for (int j = 0; j < Math.min(width, singular.length); j++) {
                spectra[label][j] = singular[j] / Math.sqrt(count);
            }
        }
        return spectra;
    }

    /**
     * Averages spectra over classes.
     *
     * @param spectra {@code [class][i]}
     * @return {@code [i]}
     */
    public static double[] mean(double[][] spectra) {
        double[] mean = new double[spectra[0].length];
        for (double[] spectrum : spectra) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += spectrum[i] / spectra.length;
            }
        }
        return mean;
    }
}
