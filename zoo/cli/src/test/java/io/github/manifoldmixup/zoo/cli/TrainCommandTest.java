/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train} on a user's image folder with every listener option, checkpoints and {@code
 * --resume}, and its mistakes. The folder holds two classes that differ in brightness, which the
 * network learns in a few epochs.
 */
class TrainCommandTest {

    @TempDir static Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeImages() throws Exception {
        Random random = new Random(3);
        for (String label : List.of("dark", "light")) {
            Path classFolder = Files.createDirectories(folder.resolve("images").resolve(label));
            int base = label.equals("dark") ? 0 : 150;
            for (int i = 0; i < 40; i++) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int v = base + random.nextInt(100);
                        image.setRGB(x, y, (v << 16) | (v << 8) | v);
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
    }

    private int run(String... args) {
        CommandLine command = ManifoldMixupCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private static String[] train(Path dir, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--image-folder",
                                folder.resolve("images").toString(),
                                "--image-size",
                                "16",
                                "--batch",
                                "8",
                                "--epochs",
                                "6",
                                "--peak-lr",
                                "0.05",
                                "--dir",
                                dir.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static final String[] EVERY_LISTENER_OPTION = {
        "--alpha",
        "2",
        "--layers",
        "input,01SequentialBlock",
        "--strategy",
        "mixup:1:0.4",
        "--strategy",
        "cutmix:1",
        "--probability",
        "0.9",
        "--lambda-mode",
        "elem",
        "--fold-lambda",
        "--alpha-schedule",
        "linear:0.5:2",
        "--mixing-off-epoch",
        "3"
    };

    @Test
    void trainsAnImageFolderWithEveryListenerOptionAndResumes() throws Exception {
        Path dir = folder.resolve("run");
        List<String> first = new ArrayList<>(Arrays.asList(train(dir, EVERY_LISTENER_OPTION)));
        first.addAll(List.of("--until-epoch", "3"));
        assertEquals(0, run(first.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().contains("epoch 3/6: validation accuracy"), out.toString());

        assertEquals(2, run(train(dir, EVERY_LISTENER_OPTION)));
        assertTrue(err.toString().contains("pass --resume to continue it"), err.toString());
        assertEquals(2, run(train(dir, "--alpha", "1", "--resume")));
        assertTrue(err.toString().contains("resume it with its own options"), err.toString());

        List<String> rest = new ArrayList<>(Arrays.asList(train(dir, EVERY_LISTENER_OPTION)));
        rest.add("--resume");
        assertEquals(0, run(rest.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().contains("epoch 6/6: validation accuracy"), out.toString());

        Path latest = dir.resolve(Files.readString(dir.resolve("latest")).trim());
        JsonObject state =
                JsonUtils.GSON.fromJson(
                        Files.readString(latest.resolve("state.json")), JsonObject.class);
        assertEquals(6, state.get("epochsDone").getAsInt());
        float accuracy =
                state.getAsJsonArray("curve")
                        .get(5)
                        .getAsJsonObject()
                        .get("testAccuracy")
                        .getAsFloat();
        assertTrue(accuracy >= 0.875f, "validation accuracy " + accuracy + " on 8 images");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("epoch-0006", "latest"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void mistakesSayWhatWasWrong() {
        Path dir = folder.resolve("never");
        assertEquals(2, run(train(dir, "--variant", "manifold", "--alpha", "2")));
        assertTrue(err.toString().contains("give either it or options"), err.toString());
        assertEquals(2, run(train(dir, "--strategy", "mixup:heavy")));
        assertTrue(
                err.toString().contains("--strategy weight must be a number, got 'heavy'"),
                err.toString());
        assertEquals(2, run(train(dir, "--alpha-schedule", "fast")));
        assertTrue(
                err.toString().contains("--alpha-schedule takes constant, linear:START:EPOCHS"),
                err.toString());
        assertEquals(2, run(train(dir, "--lambda-mode", "sometimes")));
        assertTrue(err.toString().contains("Invalid value for option '--lambda-mode'"));
        assertEquals(
                2,
                run("train", "--image-folder", folder.resolve("nowhere").toString(), "--dir", "x"));
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        assertEquals(2, run("publish", "--variant", "none", "--dir", dir.toString()));
        assertTrue(err.toString().contains("No checkpoint in"), err.toString());
        assertTrue(Files.notExists(dir), "a failed command left " + dir);
    }
}
