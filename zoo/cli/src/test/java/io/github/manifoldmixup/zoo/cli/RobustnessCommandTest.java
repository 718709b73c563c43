/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.manifoldmixup.robustness.RobustnessReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code robustness}: its mistakes exit with status 2 and say what was wrong, and a small run of
 * every part prints its tables and writes JSON that reads back.
 */
class RobustnessCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir Path temp;

    private int run(String... args) {
        CommandLine command = ManifoldMixupCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void helpNamesEveryPartAndOption() {
        assertEquals(0, run("robustness", "--help"));
        for (String option :
                List.of(
                        "--attacks",
                        "--corruptions",
                        "--ood",
                        "--limit",
                        "--fgsm-eps",
                        "--publish")) {
            assertTrue(out.toString().contains(option), option + "\n" + out);
        }
    }

    @Test
    void mistakesExitTwoWithTheirMessage() {
        assertEquals(
                2, run("robustness", "--corruption", "gaussian_nosie", "--out", temp.toString()));
        assertTrue(err.toString().contains("gaussian_nosie"), err.toString());
        assertTrue(err.toString().contains("gaussian_noise"), "lists the known ones: " + err);

        assertEquals(2, run("robustness", "--attacks", "--fgsm-eps", "0.1,1.5"));
        assertTrue(err.toString().contains("eps is in (0, 1]"), err.toString());
        assertEquals(2, run("robustness", "--attacks", "--pgd-eps", "0"));

        assertEquals(2, run("robustness", "--ood", "--mnist-dir", temp.resolve("none").toString()));
        assertTrue(err.toString().contains("install-mnist-digits.sh"), err.toString());

        assertEquals(2, run("robustness", "--zoo-mixup", "manifld"));
        assertTrue(err.toString().contains("Unknown mixup variant 'manifld'"), err.toString());

        assertEquals(2, run("robustness", "--publish", "--limit", "10"));
        assertTrue(err.toString().contains("no --limit"), err.toString());
    }

    @Test
    void aSmallRunOfEveryPartPrintsTablesAndWritesJson() throws Exception {
        assertEquals(
                0,
                run(
                        "robustness",
                        "--zoo-mixup",
                        "manifold",
                        "--limit",
                        "40",
                        "--corruption",
                        "fog,shot_noise",
                        "--severities",
                        "1,5",
                        "--fgsm-eps",
                        "0.1",
                        "--pgd-eps",
                        "0.1",
                        "--pgd-steps",
                        "2",
                        "--pgd-images",
                        "20",
                        "--out",
                        temp.toString()),
                err.toString());
        String tables = out.toString();
        for (String part :
                List.of(
                        "accuracy under attack",
                        "corrupted: mean acc/ECE",
                        "out-of-distribution")) {
            assertTrue(tables.contains(part), tables);
        }
        List<RobustnessReport> reports =
                RobustnessReport.listFromJson(
                        Files.readString(temp.resolve("robustness.json"), StandardCharsets.UTF_8));
        RobustnessReport report = reports.get(0);
        assertEquals("manifold", report.model());
        assertEquals(40, report.clean().images());
        assertEquals(4, report.corruptions().size());
        assertEquals(20, report.adversarial().get(1).images());
        assertEquals(2, report.adversarial().get(1).steps());
        assertEquals(
                9, report.ood().size()); // 3 sets x (MSP, MSP at the zoo's temperature, entropy)
        assertTrue(Files.isRegularFile(temp.resolve("manifold.json")));

        // the same tables again from the JSON, measuring nothing
        out.getBuffer().setLength(0);
        assertEquals(
                0,
                run(
                        "robustness",
                        "--replot",
                        temp.resolve("robustness.json").toString(),
                        "--out",
                        temp.toString()));
        assertTrue(out.toString().contains("corrupted: mean acc/ECE"), out.toString());
    }
}
