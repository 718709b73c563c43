/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: help for every subcommand, clear messages and non-zero exits for mistakes. */
class ManifoldMixupCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = ManifoldMixupCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void everySubcommandExplainsItsOptions() {
        for (String[] help :
                new String[][] {
                    {"--help"},
                    {"demo", "--help"},
                    {"train", "--help"},
                    {"evaluate", "--help"},
                    {"zoo", "list", "--help"}
                }) {
            assertEquals(0, run(help), String.join(" ", help));
        }
        String text = out.toString();
        assertTrue(text.contains("--epochs"), text);
        assertTrue(text.contains("--variant"), text);
        assertTrue(text.contains("--zoo-mixup"), text);
        assertTrue(text.contains("--holdout"), text);
    }

    @Test
    void zooListShowsTheArtifact() {
        assertEquals(0, run("zoo", "list"));
        assertTrue(
                out.toString().contains("io.github.manifoldmixup.zoo:resnet-fashion-mnist"),
                out.toString());
    }

    @Test
    void mistakesGiveAMessageAndANonZeroExit() {
        assertEquals(2, run("evaluate", "--bogus", "1"));
        assertTrue(err.toString().contains("Unknown options: '--bogus'"), err.toString());
        assertEquals(2, run("evaluate"));
        assertTrue(err.toString().contains("Missing required argument"), err.toString());
        assertEquals(2, run());
        assertTrue(err.toString().contains("Name a subcommand"), err.toString());
        assertEquals(2, run("demo", "--epochs", "many"));
        assertTrue(err.toString().contains("'many' is not an int"), err.toString());
        assertNotEquals(0, run("train", "--variant", "cutmix", "--dir", "target/never"));
        assertTrue(
                err.toString()
                        .contains(
                                "Unknown mixup variant 'cutmix'. Known: none, input, manifold,"
                                        + " manifold-then-plain."),
                err.toString());
    }
}
