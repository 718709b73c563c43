package io.github.manifoldmixup.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The measures the long-run benchmark judges growth by. */
class LongRunMeasuresTest {

    @Test
    void theSlopeIsTheLeastSquaresChangePerWindow() {
        assertEquals(0.0, Growth.slopePerWindow(new double[] {5, 5, 5, 5}), 1e-12);
        assertEquals(2.0, Growth.slopePerWindow(new double[] {1, 3, 5, 7}), 1e-12);
        // noise around a flat line: sum (x - 1.5)(y - 10.1) / sum (x - 1.5)^2 = -0.4 / 5
        assertEquals(-0.08, Growth.slopePerWindow(new double[] {10, 11, 9, 10.4}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Growth.slopePerWindow(new double[] {1}));
        assertEquals(1.5, Growth.lastOverFirst(new double[] {2, 9, 3}));
    }

    @Test
    void residentMemoryIsReadFromTheStatusLines() {
        List<String> status =
                List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB", "Threads:\t42");
        assertEquals(123456, ResidentMemory.kilobytes(status, "VmRSS"));
        assertEquals(9000, ResidentMemory.kilobytes(status, "VmPeak"));
        assertThrows(IllegalStateException.class, () -> ResidentMemory.kilobytes(status, "VmHWM"));
        assertTrue(ResidentMemory.residentMb() > 1, "this JVM holds more than a megabyte");
    }
}
