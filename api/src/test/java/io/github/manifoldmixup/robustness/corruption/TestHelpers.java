package io.github.manifoldmixup.robustness.corruption;

/** Small assertion helpers. */
final class TestHelpers {

    private TestHelpers() {}

    static boolean differs(float[] a, float[] b) {
        if (a.length != b.length) {
            return true;
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.compare(a[i], b[i]) != 0) {
                return true;
            }
        }
        return false;
    }
}
