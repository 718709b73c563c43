/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.zoo.model.ManifoldMixupModelZoo;
import io.github.manifoldmixup.zoo.model.MixupVariant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project that depends on {@code manifold-mixup-model-zoo} alone (plus DJL's PyTorch
 * engine and natives): its dependency tree holds none of the tool's libraries, and it loads and
 * runs a model by name. It builds against the artifacts the README's test command ({@code mvn -B
 * install}) has installed by the time this module's tests run.
 */
class ModelZooUserProjectTest {

    private static final List<String> NOT_IN_A_LIBRARY =
            List.of(
                    "info.picocli",
                    "org.jfree",
                    "commons-math3",
                    "ai.djl:basicdataset",
                    "ai.djl:model-zoo",
                    "manifold-mixup-cli",
                    "manifold-mixup-datasets",
                    "manifold-mixup-pytorch",
                    "slf4j-simple");

    @TempDir Path work;

    @Test
    void aProjectWithTheModelZooAloneHasALeanTreeAndLoadsAModelByName() throws Exception {
        Path project = copyProject();
        List<String> maven =
                new ArrayList<>(
                        List.of(
                                "mvn",
                                "-B",
                                "-q",
                                "-Dmaven.repo.local="
                                        + System.getProperty("manifoldmixup.localRepository"),
                                "compile",
                                "dependency:tree",
                                "-DoutputFile=tree.txt",
                                "dependency:build-classpath",
                                "-Dmdep.outputFile=classpath.txt",
                                "-Dmdep.includeScope=runtime"));
        Processes.Result build = Processes.run(project, 8, maven);
        assertEquals(0, build.status(), build.both());

        String tree = Files.readString(project.resolve("tree.txt"), StandardCharsets.UTF_8);
        assertTrue(tree.contains("io.github.manifoldmixup:manifold-mixup-model-zoo:jar"), tree);
        assertTrue(tree.contains("io.github.manifoldmixup:manifold-mixup-api:jar"), tree);
        assertTrue(tree.contains("ai.djl:api:jar"), tree);
        for (String library : NOT_IN_A_LIBRARY) {
            assertFalse(tree.contains(library), library + " in the tree:\n" + tree);
        }

        String classpath =
                project.resolve("target/classes")
                        + ":"
                        + Files.readString(project.resolve("classpath.txt"), StandardCharsets.UTF_8)
                                .strip();
        Processes.Result run =
                Processes.run(
                        project,
                        3,
                        List.of(
                                Processes.java(),
                                "-Dai.djl.offline=true",
                                "-cp",
                                classpath,
                                "com.example.LoadByName"));
        assertEquals(0, run.status(), run.both());
        assertTrue(run.out().contains("best=Trouser"), run.both());
        assertTrue(run.out().contains("classes=10"), run.both());
        String accuracy =
                ManifoldMixupModelZoo.publishedFigures(MixupVariant.MANIFOLD).get("testAccuracy");
        assertTrue(run.out().contains("testAccuracy=" + accuracy), run.both());
    }

    /** The project from the test resources, with this build's version filled in. */
    private Path copyProject() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/model-zoo-user").toURI());
        Path project = work.resolve("model-zoo-user");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(
                            copy,
                            text.replace(
                                    "@manifoldmixup.version@",
                                    System.getProperty("manifoldmixup.version")));
                }
            }
        }
        return project;
    }
}
