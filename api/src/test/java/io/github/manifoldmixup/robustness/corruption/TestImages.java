package io.github.manifoldmixup.robustness.corruption;

import java.util.SplittableRandom;

/** Real-looking synthetic test images. */
final class TestImages {

    private TestImages() {}

    /**
     * A 28x28 digit-like image, anti-aliased strokes about 3 pixels wide in the central 20x20 box
     * as in MNIST: by {@code k % 3} a loop with a tail (like a 9), a bar with a slanted stem (like
     * a 7) or three strokes (like a 4), with random jitter.
     */
    static float[] digit(int k) {
        SplittableRandom random = new SplittableRandom(1000 + k);
        float[] x = new float[28 * 28];
        double jx = random.nextDouble(-1.5, 1.5);
        double jy = random.nextDouble(-1.5, 1.5);
        double[][] segments;
        double cx = 13.5 + jx;
        double cy = 10.5 + jy;
        double rx = random.nextDouble(3.5, 5);
        double ry = random.nextDouble(3.5, 4.5);
        int template = k % 3;
        if (template == 0) {
            segments = new double[][] {{cx + rx, cy, cx + rx - random.nextDouble(0, 3), 23 + jy}};
        } else if (template == 1) {
            double top = 6 + jy;
            segments =
                    new double[][] {
                        {7 + jx, top, 20 + jx, top},
                        {20 + jx, top, 12 + jx + random.nextDouble(-2, 2), 23 + jy}
                    };
        } else {
            segments =
                    new double[][] {
                        {10 + jx, 5 + jy, 8 + jx, 16 + jy},
                        {8 + jx, 16 + jy, 20 + jx, 16 + jy},
                        {17 + jx, 6 + jy, 17 + jx + random.nextDouble(-1, 1), 23 + jy}
                    };
        }
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double d = Double.POSITIVE_INFINITY;
                if (template == 0) {
                    double rho = Math.hypot((c - cx) / rx, (r - cy) / ry);
                    d = Math.abs(rho - 1) * Math.min(rx, ry);
                }
                for (double[] s : segments) {
                    d = Math.min(d, segmentDistance(c, r, s[0], s[1], s[2], s[3]));
                }
                x[r * 28 + c] = (float) Math.max(0, Math.min(1, 2 - d));
            }
        }
        return x;
    }

    private static double segmentDistance(
            double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    /** A 3x32x32 smooth random colour image: per channel a sum of low-frequency waves. */
    static float[] smoothRgb(int k) {
        SplittableRandom random = new SplittableRandom(2000 + k);
        float[] x = new float[3 * 32 * 32];
        for (int ch = 0; ch < 3; ch++) {
            double[][] waves = new double[3][4];
            for (double[] wave : waves) {
                wave[0] = random.nextDouble(-0.35, 0.35);
                wave[1] = random.nextDouble(-0.35, 0.35);
                wave[2] = random.nextDouble(0, 2 * Math.PI);
                wave[3] = random.nextDouble(0.05, 0.15);
            }
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    double v = 0.5;
                    for (double[] wave : waves) {
                        v += wave[3] * Math.sin(wave[0] * r + wave[1] * c + wave[2]);
                    }
                    x[ch * 1024 + r * 32 + c] = (float) Math.max(0, Math.min(1, v));
                }
            }
        }
        return x;
    }
}
