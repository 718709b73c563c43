package io.github.manifoldmixup.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host-side behaviour of every corruption at every severity. */
class CorruptionTest {

    private static final int IMAGES = 8;

    /** One test image kind: 28x28 grayscale digits or 3x32x32 smooth colour images. */
    private enum Kind {
        DIGIT(1, 28),
        RGB(3, 32);

        final int channels;
        final int size;

        Kind(int channels, int size) {
            this.channels = channels;
            this.size = size;
        }

        float[] image(int k) {
            return this == DIGIT ? TestImages.digit(k) : TestImages.smoothRgb(k);
        }

        float[] apply(Corruption corruption, float[] x, int severity, long seed) {
            return corruption.apply(x, channels, size, size, severity, seed);
        }
    }

    static double meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void keepsSizeAndRangeAndRepeatsWithTheSameSeed(Corruption corruption) {
        for (Kind kind : Kind.values()) {
            for (int k = 0; k < 3; k++) {
                float[] x = kind.image(k);
                float[] before = x.clone();
                for (int s = 1; s <= Corruption.SEVERITIES; s++) {
                    float[] y = kind.apply(corruption, x, s, 42 + k);
                    String where = corruption.id() + " " + kind + " severity " + s;
                    assertEquals(x.length, y.length, where);
                    for (float v : y) {
                        assertTrue(v >= 0f && v <= 1f, where + ": value " + v);
                    }
                    assertArrayEquals(y, kind.apply(corruption, x, s, 42 + k), where);
                    assertArrayEquals(before, x, where + ": the input was modified");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void aDifferentSeedGivesADifferentImageExactlyForTheRandomOnes(Corruption corruption) {
        for (Kind kind : Kind.values()) {
            float[] x = kind.image(0);
            for (int s = 1; s <= Corruption.SEVERITIES; s++) {
                float[] reference = kind.apply(corruption, x, s, 0);
                boolean differs = false;
                // sign-only randomness (shear, rotate, translate) repeats for some seed pairs
                for (long seed = 1; seed <= 8 && !differs; seed++) {
                    differs = !Arrays.equals(reference, kind.apply(corruption, x, s, seed));
                }
                assertEquals(
                        corruption.isRandom(),
                        differs,
                        corruption.id() + " " + kind + " severity " + s);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void severityOneAlreadyChangesEveryImage(Corruption corruption) {
        for (Kind kind : Kind.values()) {
            for (int k = 0; k < IMAGES; k++) {
                float[] x = kind.image(k);
                double diff = meanAbsDiff(x, kind.apply(corruption, x, 1, 7 + k));
                assertTrue(diff > 1e-4, corruption.id() + " " + kind + " image " + k + ": " + diff);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void theMeanDifferenceFromTheCleanImageGrowsStrictlyWithSeverity(Corruption corruption) {
        for (Kind kind : Kind.values()) {
            double[] mean = new double[Corruption.SEVERITIES];
            for (int k = 0; k < IMAGES; k++) {
                float[] x = kind.image(k);
                for (int s = 1; s <= Corruption.SEVERITIES; s++) {
                    mean[s - 1] += meanAbsDiff(x, kind.apply(corruption, x, s, 7 + k)) / IMAGES;
                }
            }
            for (int s = 1; s < Corruption.SEVERITIES; s++) {
                assertTrue(
                        mean[s] > mean[s - 1],
                        corruption.id() + " " + kind + ": " + Arrays.toString(mean));
            }
        }
    }

    @Test
    void idsAreTheSnakeCaseNamesAndRoundTrip() {
        assertEquals(17, Corruption.values().length);
        Set<String> ids = new HashSet<>();
        for (Corruption corruption : Corruption.values()) {
            assertEquals(corruption.name().toLowerCase(java.util.Locale.ROOT), corruption.id());
            assertEquals(corruption, Corruption.of(corruption.id()));
            ids.add(corruption.id());
        }
        assertEquals(17, ids.size());
        assertEquals("canny_edges", Corruption.CANNY_EDGES.id());
        assertEquals(5, Corruption.SEVERITIES);
    }

    @Test
    void anUnknownIdListsEveryKnownId() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Corruption.of("fogg"));
        assertTrue(e.getMessage().contains("'fogg'"), e.getMessage());
        for (Corruption corruption : Corruption.values()) {
            assertTrue(e.getMessage().contains(corruption.id()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Corruption.of(null));
    }

    @Test
    void badSeverityShapeAndNullAreRejectedClearly() {
        float[] x = TestImages.digit(0);
        IllegalArgumentException low =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Corruption.FOG.apply(x, 1, 28, 28, 0, 1));
        assertTrue(low.getMessage().contains("between 1 and 5, got 0"), low.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> Corruption.FOG.apply(x, 1, 28, 28, 6, 1));
        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Corruption.ROTATE.apply(x, 3, 28, 28, 1, 1));
        assertTrue(shape.getMessage().contains("784 values"), shape.getMessage());
        assertTrue(shape.getMessage().contains("3 * 28 * 28 = 2352"), shape.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Corruption.ROTATE.apply(new float[0], 0, 28, 28, 1, 1));
        NullPointerException nul =
                assertThrows(
                        NullPointerException.class,
                        () -> Corruption.ROTATE.apply(null, 1, 28, 28, 1, 1));
        assertTrue(nul.getMessage().contains("image"), nul.getMessage());
    }

    @Test
    void valuesOutsideTheUnitRangeAreClippedFirst() {
        float[] x = TestImages.digit(1);
        float[] stretched = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            stretched[i] = x[i] == 1f ? 3f : (x[i] == 0f ? -2f : x[i]);
        }
        assertArrayEquals(
                Corruption.CONTRAST.apply(x, 1, 28, 28, 2, 0),
                Corruption.CONTRAST.apply(stretched, 1, 28, 28, 2, 0));
    }

    @Test
    void stripeAtSeverityThreeIsMnistCs() {
        float[] x = TestImages.digit(2);
        float[] y = Corruption.STRIPE.apply(x, 1, 28, 28, 3, 0);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int i = r * 28 + c;
                float expected = c < 7 || c >= 21 ? 1 - x[i] : x[i];
                assertEquals(expected, y[i], 1e-6f);
            }
        }
    }

    @Test
    void brightnessAddsAndClipsAndContrastKeepsTheMean() {
        float[] x = TestImages.smoothRgb(0);
        float[] bright = Corruption.BRIGHTNESS.apply(x, 3, 32, 32, 3, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.min(1f, x[i] + 0.5f), bright[i], 1e-6f);
        }
        float[] dull = Corruption.CONTRAST.apply(x, 3, 32, 32, 5, 0);
        for (int ch = 0; ch < 3; ch++) {
            double mean = 0;
            for (int p = 0; p < 1024; p++) {
                mean += x[ch * 1024 + p] / 1024.0;
            }
            double after = 0;
            for (int p = 0; p < 1024; p++) {
                int i = ch * 1024 + p;
                assertEquals((x[i] - mean) * 0.05 + mean, dull[i], 1e-5);
                after += dull[i] / 1024.0;
            }
            assertEquals(mean, after, 1e-5);
        }
    }

    @Test
    void translateShiftsTheContentByWholePixelsAtSeverityThree() {
        float[] x = TestImages.digit(0);
        float[] y = Corruption.TRANSLATE.apply(x, 1, 28, 28, 3, 5);
        // 2 pixels along each axis, in one of four diagonal directions, zero fill
        boolean found = false;
        for (int dr : new int[] {-2, 2}) {
            for (int dc : new int[] {-2, 2}) {
                boolean match = true;
                for (int r = 0; r < 28 && match; r++) {
                    for (int c = 0; c < 28 && match; c++) {
                        int sr = r + dr;
                        int sc = c + dc;
                        float expected =
                                sr < 0 || sc < 0 || sr >= 28 || sc >= 28 ? 0f : x[sr * 28 + sc];
                        match = Math.abs(expected - y[r * 28 + c]) < 1e-6f;
                    }
                }
                found |= match;
            }
        }
        assertTrue(found);
    }

    @Test
    void scaleKeepsTheCentreAndShrinksTheInk() {
        float[] x = TestImages.digit(0);
        float[] y = Corruption.SCALE.apply(x, 1, 28, 28, 5, 0);
        double inkBefore = 0;
        double inkAfter = 0;
        for (int i = 0; i < x.length; i++) {
            inkBefore += x[i];
            inkAfter += y[i];
        }
        // to half the size: a quarter of the area
        assertEquals(0.25, inkAfter / inkBefore, 0.05);
    }

    @Test
    void cannyAtTheLastSeverityIsABinaryOutlineOfTheStrokes() {
        float[] x = TestImages.digit(1);
        float[] y = Corruption.CANNY_EDGES.apply(x, 1, 28, 28, 5, 0);
        int edges = 0;
        for (int i = 0; i < y.length; i++) {
            assertTrue(y[i] == 0f || y[i] == 1f);
            if (y[i] == 1f) {
                edges++;
                int r = i / 28;
                int c = i % 28;
                // every edge lies on or next to a stroke
                float near = 0f;
                for (int dr = -2; dr <= 2; dr++) {
                    for (int dc = -2; dc <= 2; dc++) {
                        int rr = Math.min(27, Math.max(0, r + dr));
                        int cc = Math.min(27, Math.max(0, c + dc));
                        near = Math.max(near, x[rr * 28 + cc]);
                    }
                }
                assertTrue(near > 0.5f);
            }
        }
        assertTrue(edges > 20, "edges " + edges);
        // a blank image has no edge
        float[] blank = new float[784];
        Arrays.fill(blank, 0.3f);
        for (float v : Corruption.CANNY_EDGES.apply(blank, 1, 28, 28, 5, 0)) {
            assertEquals(0f, v);
        }
    }

    @Test
    void linesAndSpatterOnlyAddInkOrMudAndNoiseIsUnbiased() {
        float[] x = TestImages.digit(0);
        for (Corruption lines : new Corruption[] {Corruption.DOTTED_LINE, Corruption.ZIGZAG}) {
            float[] y = lines.apply(x, 1, 28, 28, 3, 3);
            for (int i = 0; i < x.length; i++) {
                assertTrue(y[i] >= x[i], lines.id());
            }
        }
        float[] mud = Corruption.SPATTER.apply(x, 1, 28, 28, 5, 3);
        for (int i = 0; i < x.length; i++) {
            float lo = Math.min(x[i], Overlays.MUD);
            float hi = Math.max(x[i], Overlays.MUD);
            assertTrue(mud[i] >= lo - 1e-6f && mud[i] <= hi + 1e-6f);
        }
        float[] grey = new float[3 * 64 * 64];
        Arrays.fill(grey, 0.5f);
        float[] noisy = Corruption.GAUSSIAN_NOISE.apply(grey, 3, 64, 64, 1, 9);
        double mean = 0;
        double var = 0;
        for (float v : noisy) {
            mean += v / noisy.length;
        }
        for (float v : noisy) {
            var += (v - mean) * (v - mean) / noisy.length;
        }
        assertEquals(0.5, mean, 0.005);
        assertEquals(0.08, Math.sqrt(var), 0.005);
    }

    @Test
    void nanMayPassThroughWithoutAnException() {
        float[] x = TestImages.digit(0);
        x[100] = Float.NaN;
        assertFalse(
                Float.isNaN(Corruption.STRIPE.apply(x, 1, 28, 28, 1, 0)[0]),
                "other pixels stay numbers");
    }
}
