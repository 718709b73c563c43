/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four IDX files of Fashion-MNIST in one directory, gzipped (as Debian's {@code
 * dataset-fashion-mnist} installs them) or not, keyed by the item names of DJL's {@code
 * FashionMnist}.
 *
 * @param directory the directory that holds them, absolute
 * @param items each item's file: {@code train_data}, {@code train_labels}, {@code test_data},
 *     {@code test_labels}
 */
record FashionMnistFiles(Path directory, Map<String, Path> items) {

    /** DJL's item names and the original file names, without {@code .gz}. */
    private static final Map<String, String> FILE_NAMES = fileNames();

    private static final String GZIP = ".gz";

    /**
     * Finds the four files in a directory, preferring the gzipped form.
     *
     * @param directory the directory to look in
     * @return the files
     * @throws FileNotFoundException if a file is missing; the message names the directory, the
     *     missing files and the Debian package to install
     */
    static FashionMnistFiles locate(Path directory) throws FileNotFoundException {
        Path absolute = directory.toAbsolutePath().normalize();
        Map<String, Path> items = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        FILE_NAMES.forEach(
                (item, name) -> {
                    Path gzipped = absolute.resolve(name + GZIP);
                    Path plain = absolute.resolve(name);
                    if (Files.isRegularFile(gzipped)) {
                        items.put(item, gzipped);
                    } else if (Files.isRegularFile(plain)) {
                        items.put(item, plain);
                    } else {
                        missing.add(name + "[" + GZIP + "]");
                    }
                });
        if (!missing.isEmpty()) {
            throw new FileNotFoundException(
                    "Fashion-MNIST not found in "
                            + absolute
                            + " (missing "
                            + String.join(", ", missing)
                            + "). Install it with 'apt-get install dataset-fashion-mnist' (Debian's"
                            + " package puts the IDX files in "
                            + FashionMnistData.DEFAULT_DIRECTORY
                            + "), or point FashionMnistData.builder().optDirectory(...) or -D"
                            + FashionMnistData.DIRECTORY_PROPERTY
                            + "=... at a directory that holds them.");
        }
        return new FashionMnistFiles(absolute, Collections.unmodifiableMap(items));
    }

    private static Map<String, String> fileNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("train_data", "train-images-idx3-ubyte");
        names.put("train_labels", "train-labels-idx1-ubyte");
        names.put("test_data", "t10k-images-idx3-ubyte");
        names.put("test_labels", "t10k-labels-idx1-ubyte");
        return Collections.unmodifiableMap(names);
    }
}
