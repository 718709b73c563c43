/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link MixupStrategy} implementations on the class path by name. */
public final class MixupStrategies {

    /** The name of the built-in interpolation strategy, the default. */
    public static final String DEFAULT = "mixup";

    private MixupStrategies() {}

    /**
     * Returns the strategy with the given name.
     *
     * @param name the strategy's {@link MixupStrategy#getName() name}
     * @return a new instance of the strategy
     * @throws IllegalArgumentException if no strategy on the class path has that name; the message
     *     lists the available ones
     */
    public static MixupStrategy find(String name) {
        for (MixupStrategy strategy : ServiceLoader.load(MixupStrategy.class)) {
            if (strategy.getName().equals(name)) {
                return strategy;
            }
        }
        List<String> available = names();
        throw new IllegalArgumentException(
                "Unknown mixing strategy '"
                        + name
                        + "'. Available: "
                        + (available.isEmpty() ? "none" : String.join(", ", available))
                        + ". Strategies are found with ServiceLoader: the built-in '"
                        + DEFAULT
                        + "' comes with io.github.manifoldmixup:manifold-mixup-pytorch, and your"
                        + " own is listed in"
                        + " META-INF/services/io.github.manifoldmixup.strategy.MixupStrategy.");
    }

    /**
     * Returns the names of all strategies on the class path.
     *
     * @return the names, in class-path order
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(MixupStrategy.class).forEach(s -> names.add(s.getName()));
        return names;
    }
}
