/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.dataset;

import ai.djl.Application;
import ai.djl.basicdataset.BasicDatasets;
import ai.djl.repository.Artifact;
import ai.djl.repository.Metadata;
import ai.djl.repository.Repository;
import ai.djl.util.JsonUtils;
import ai.djl.util.Utils;
import io.github.manifoldmixup.zoo.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local DJL repository that serves Fashion-MNIST from files on disk to DJL's own {@code
 * FashionMnist}, with no network.
 *
 * <p>It is a {@code metadata.json} at {@code dataset/cv/ai/djl/basicdataset/fashmnist/} (the
 * resource path of {@code FashionMnist}'s group, artifact id and version 1.0) that names the four
 * files by absolute {@code file:} URIs without hashes. It lives in its own directory under DJL's
 * cache directory, one per source (keyed by the files' paths, sizes and modification times), and is
 * written atomically. When the dataset is prepared, DJL copies the files (gunzipped) into its cache
 * once per source, under the artifact name {@code local-<key>}.
 */
final class FashionMnistRepository {

    /** {@code FashionMnist}'s artifact id and version (its group is {@code BasicDatasets}'). */
    private static final String ARTIFACT_ID = "fashmnist";

    private static final String VERSION = "1.0";
    private static final String METADATA_VERSION = "0.2";

    private FashionMnistRepository() {}

    /**
     * Writes (or rewrites) the metadata of a set of files and opens the repository.
     *
     * @param files the Fashion-MNIST files
     * @return the repository, for {@code FashionMnist.builder().optRepository(...)}
     * @throws IOException if the metadata cannot be written
     */
    static Repository create(FashionMnistFiles files) throws IOException {
        String key = key(files);
        Path root = Utils.getCacheDir().resolve("manifold-mixup").resolve("fashion-mnist");
        Path repository = root.resolve(key);
        Path metadataDirectory =
                repository
                        .resolve("dataset")
                        .resolve(Application.CV.ANY.getPath())
                        .resolve(BasicDatasets.GROUP_ID.replace('.', '/'))
                        .resolve(ARTIFACT_ID);
        Files.createDirectories(metadataDirectory);
        String json = JsonUtils.GSON_PRETTY.toJson(metadata(files, "local-" + key));
        AtomicFiles.writeString(metadataDirectory.resolve("metadata.json"), json);
        return Repository.newInstance("Fashion-MNIST in " + files.directory(), repository);
    }

    private static Metadata metadata(FashionMnistFiles files, String artifactName)
            throws IOException {
        Map<String, Artifact.Item> items = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : files.items().entrySet()) {
            Artifact.Item item = new Artifact.Item();
            item.setUri(entry.getValue().toUri().toString());
            item.setSize(Files.size(entry.getValue()));
            items.put(entry.getKey(), item);
        }
        Artifact artifact = new Artifact();
        artifact.setVersion(VERSION);
        artifact.setName(artifactName);
        artifact.setFiles(items);
        Metadata metadata = new Metadata();
        metadata.setMetadataVersion(METADATA_VERSION);
        metadata.setResourceType("dataset");
        metadata.setApplication(Application.CV.ANY);
        metadata.setGroupId(BasicDatasets.GROUP_ID);
        metadata.setArtifactId(ARTIFACT_ID);
        metadata.setName("Fashion-MNIST");
        metadata.setDescription("Fashion-MNIST IDX files in " + files.directory());
        metadata.setArtifacts(List.of(artifact));
        return metadata;
    }

    private static String key(FashionMnistFiles files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256.", e);
        }
        for (Path file : files.items().values()) {
            String line =
                    file + "\t" + Files.size(file) + "\t" + Files.getLastModifiedTime(file) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
