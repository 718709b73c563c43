/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import io.github.manifoldmixup.zoo.dataset.FashionMnistData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The test images of a Spark job, numbered: a folder read with Spark's image data source (one
 * sub-folder per class), or the Fashion-MNIST test set read on the driver.
 */
final class TestImages {

    private TestImages() {}

    /**
     * Reads a folder of images with Spark's image data source ({@code spark.read.format("image")}),
     * one sub-folder per class: class {@code k} is the {@code k}-th sub-folder name in sorted
     * order. The images are numbered in the order of their file names, then of their paths, so that
     * a copy of a folder gives the same numbers, corruptions and figures. A file that is not an
     * image fails the job, naming the file.
     *
     * @param spark the session
     * @param folder the folder, in any file system Spark reads (a path, {@code hdfs://}, ...)
     * @return the images, in order; the decoded files stay cached until the session's cache is
     *     cleared
     */
    static JavaRDD<LabelledImage> folder(SparkSession spark, String folder) {
        org.apache.spark.sql.Dataset<Row> rows =
                spark.read()
                        .format("image")
                        .option("dropInvalid", false)
                        .option("recursiveFileLookup", true)
                        .load(folder)
                        .select(
                                col("image.origin").as("origin"),
                                col("image.height").as("height"),
                                col("image.width").as("width"),
                                col("image.nChannels").as("channels"),
                                col("image.data").as("data"))
                        .withColumn("name", element_at(split(col("origin"), "/"), -1))
                        .withColumn("class", element_at(split(col("origin"), "/"), -2))
                        // decoded once, not again for the classes, the sort and the numbering
                        .persist(StorageLevel.MEMORY_AND_DISK());
        List<String> classes =
                rows.select("class").distinct().as(Encoders.STRING()).collectAsList();
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(
                    "--images "
                            + folder
                            + " holds no files: give it one sub-folder of images per class.");
        }
        Map<String, Integer> labels = new HashMap<>();
        classes.stream().sorted().forEach(name -> labels.put(name, labels.size()));
        return rows.orderBy("name", "origin")
                .javaRDD()
                .map(
                        row -> {
                            String origin = row.getAs("origin");
                            int height = row.getAs("height");
                            if (height < 0) {
                                throw new IllegalArgumentException(
                                        "The file "
                                                + origin
                                                + " is not an image Java can decode; remove it or"
                                                + " replace it with a PNG or JPEG.");
                            }
                            return new LabelledImage(
                                    origin,
                                    labels.get(row.<String>getAs("class")),
                                    row.<Integer>getAs("channels"),
                                    height,
                                    row.<Integer>getAs("width"),
                                    row.<byte[]>getAs("data"));
                        });
    }

    /**
     * Reads the first Fashion-MNIST test images on the driver and hands them to Spark.
     *
     * @param context the Spark context
     * @param limit how many images at most
     * @param slices how many slices to cut them into
     * @return the images, in order
     * @throws Exception if the data cannot be read
     */
    static JavaRDD<LabelledImage> fashionMnist(JavaSparkContext context, int limit, int slices)
            throws Exception {
        List<LabelledImage> images = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Dataset test =
                    FashionMnistData.builder()
                            .setUsage(Dataset.Usage.TEST)
                            .setSampling(1000, false)
                            .optLimit(Math.min(limit, FashionMnistData.TEST_IMAGES))
                            .optManager(manager)
                            .build();
            for (Batch batch : test.getData(manager)) {
                try (batch) {
                    float[] pixels = batch.getData().head().toFloatArray();
                    float[] classes = batch.getLabels().head().toFloatArray();
                    int size = pixels.length / classes.length;
                    for (int i = 0; i < classes.length; i++) {
                        byte[] bytes = new byte[size];
                        for (int p = 0; p < size; p++) {
                            bytes[p] = (byte) Math.round(pixels[i * size + p] * 255);
                        }
                        images.add(
                                new LabelledImage(
                                        "Fashion-MNIST test image " + images.size(),
                                        (int) classes[i],
                                        1,
                                        28,
                                        28,
                                        bytes));
                    }
                }
            }
        }
        return context.parallelize(images, slices);
    }

    /**
     * Numbers images in their order and keeps the first ones.
     *
     * @param images the images
     * @param limit how many to keep
     * @return the images by number
     */
    static JavaPairRDD<Long, LabelledImage> numbered(JavaRDD<LabelledImage> images, int limit) {
        return images.zipWithIndex()
                .filter(pair -> pair._2() < limit)
                .mapToPair(pair -> new Tuple2<>(pair._2(), pair._1()));
    }
}
