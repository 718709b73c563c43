/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes Fashion-MNIST test images as an image folder of 8-bit gray PNGs, one sub-folder per class
 * ({@code 0} to {@code 9}) and files named by their place in the test set ({@code 00042.png}), so
 * that {@code --images} numbers them as the test set does: the job on the folder then measures
 * exactly what it measures on Fashion-MNIST itself.
 */
public final class FashionMnistImageFolder {

    private static final int SIDE = 28;

    private FashionMnistImageFolder() {}

    /**
     * Writes the first test images.
     *
     * @param folder the folder to fill; created if missing
     * @param images how many, from the first
     * @throws Exception if Fashion-MNIST cannot be read or a file cannot be written
     */
    public static void write(Path folder, int images) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Dataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(500, false)
                            .optLimit(images)
                            .optManager(manager)
                            .build();
            int index = 0;
            for (Batch batch : test.getData(manager)) {
                try (batch) {
                    float[] pixels = batch.getData().head().toFloatArray();
                    float[] labels = batch.getLabels().head().toFloatArray();
                    for (int i = 0; i < labels.length; i++, index++) {
                        write(
                                pixels,
                                i * SIDE * SIDE,
                                folder.resolve(String.valueOf((int) labels[i]))
                                        .resolve(String.format("%05d.png", index)));
                    }
                }
            }
        }
    }

    private static void write(float[] pixels, int offset, Path file) throws IOException {
        BufferedImage png = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < SIDE * SIDE; p++) {
            // ToTensor scaled the bytes to [0, 1]; rounding gives them back
            png.getRaster().setSample(p % SIDE, p / SIDE, 0, Math.round(pixels[offset + p] * 255));
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(png, "png", file.toFile());
    }
}
