/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.cli;

import ai.djl.Application;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.ModelZoo;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code zoo list}: the models every zoo on the class path offers. */
@Command(
        name = "zoo",
        mixinStandardHelpOptions = true,
        description = "The model zoo.",
        subcommands = ZooCommand.ListCommand.class)
final class ZooCommand implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: list.");
    }

    /** Lists the models by application. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the models.")
    static final class ListCommand implements Runnable {

        @Spec private CommandSpec spec;

        @Override
        public void run() {
            for (Map.Entry<Application, List<MRL>> entry : ModelZoo.listModels().entrySet()) {
                for (MRL mrl : entry.getValue()) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%s  %s:%s%n",
                                    entry.getKey().getPath(),
                                    mrl.getGroupId(),
                                    mrl.getArtifactId());
                }
            }
            spec.commandLine().getOut().flush();
        }
    }
}
