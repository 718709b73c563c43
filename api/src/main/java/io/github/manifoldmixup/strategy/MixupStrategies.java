/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.strategy;

import ai.djl.engine.Engine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds {@link MixupStrategy} implementations on the class path by name.
 *
 * <p>Rules: a name belongs to one strategy, except that a strategy may {@link
 * MixupStrategy#replaces() replace} another of the same name; a lookup by name returns the
 * replacing one, and {@link #forEngine} falls back to the replaced one on an engine the replacing
 * one does not support. Any other pair of strategies with one name, and any broken entry of a
 * {@code META-INF/services} file, fails the lookup with a message that names the classes, or the
 * file and the entry.
 */
public final class MixupStrategies {

    /** The name of the built-in interpolation strategy, the default. */
    public static final String DEFAULT = "mixup";

    private static final String SERVICE_FILE = "META-INF/services/" + MixupStrategy.class.getName();

    private MixupStrategies() {}

    /**
     * Returns the strategy with the given name.
     *
     * @param name the strategy's {@link MixupStrategy#getName() name}
     * @return a new instance of the strategy; of two that share the name, the replacing one
     * @throws IllegalArgumentException if no strategy on the class path has that name; the message
     *     lists the available ones
     * @throws IllegalStateException if two strategies share the name without one replacing the
     *     other, or a {@code META-INF/services} entry is broken
     */
    public static MixupStrategy find(String name) {
        List<MixupStrategy> all = load();
        List<MixupStrategy> named = all.stream().filter(s -> s.getName().equals(name)).toList();
        if (named.isEmpty()) {
            List<String> available = names(all);
            throw new IllegalArgumentException(
                    "Unknown mixing strategy '"
                            + name
                            + "'. Available: "
                            + (available.isEmpty() ? "none" : String.join(", ", available))
                            + ". Strategies are found with ServiceLoader: the built-in ones come"
                            + " with io.github.manifoldmixup:manifold-mixup-api ('"
                            + DEFAULT
                            + "') and io.github.manifoldmixup:manifold-mixup-pytorch, and your own"
                            + " is listed in "
                            + SERVICE_FILE
                            + ".");
        }
        Set<Class<?>> replaced =
                named.stream()
                        .map(MixupStrategy::replaces)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toSet());
        List<MixupStrategy> heads =
                named.stream().filter(s -> !replaced.contains(s.getClass())).toList();
        if (heads.size() != 1) {
            throw new IllegalStateException(
                    "Several mixing strategies are named '"
                            + name
                            + "': "
                            + named.stream()
                                    .map(s -> s.getClass().getName())
                                    .collect(Collectors.joining(", "))
                            + ". A name must be unique: rename yours (getName()), or, to stand in"
                            + " for another strategy on the engines yours supports, return that"
                            + " strategy's class from replaces().");
        }
        return heads.get(0);
    }

    /**
     * Returns the strategy to use on an engine: the given one if it supports the engine, else the
     * one it replaces (repeatedly), if that one does.
     *
     * @param strategy a strategy, found by name or given as an instance
     * @param engine the trainer's engine
     * @return a strategy that supports the engine, or {@code strategy} itself if there is none
     * @throws IllegalStateException if a {@code META-INF/services} entry is broken
     */
    public static MixupStrategy forEngine(MixupStrategy strategy, Engine engine) {
        MixupStrategy current = strategy;
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!current.supports(engine) && seen.add(current.getClass())) {
            Optional<Class<? extends MixupStrategy>> replaced = current.replaces();
            if (replaced.isEmpty()) {
                return strategy;
            }
            Optional<MixupStrategy> next =
                    load().stream().filter(s -> s.getClass() == replaced.get()).findFirst();
            if (next.isEmpty()) {
                return strategy;
            }
            current = next.get();
        }
        return current.supports(engine) ? current : strategy;
    }

    /**
     * Returns the names of all strategies on the class path.
     *
     * @return the distinct names, sorted
     * @throws IllegalStateException if a {@code META-INF/services} entry is broken
     */
    public static List<String> names() {
        return names(load());
    }

    private static List<String> names(List<MixupStrategy> strategies) {
        return List.copyOf(
                strategies.stream()
                        .map(MixupStrategy::getName)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Instantiates every listed strategy, reporting a broken entry by its file and line. */
    private static List<MixupStrategy> load() {
        List<MixupStrategy> strategies = new ArrayList<>();
        Iterator<MixupStrategy> iterator = ServiceLoader.load(MixupStrategy.class).iterator();
        try {
            while (iterator.hasNext()) {
                strategies.add(iterator.next());
            }
        } catch (ServiceConfigurationError e) {
            throw brokenEntry(e);
        }
        return strategies;
    }

    private static IllegalStateException brokenEntry(ServiceConfigurationError error) {
        String reason = error.getMessage();
        List<String> files = new ArrayList<>();
        for (URL file : serviceFiles()) {
            files.add(file.toString());
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String entry = lines.get(i).replaceFirst("#.*", "").trim();
                if (!entry.isEmpty() && mentions(reason, entry)) {
                    return new IllegalStateException(
                            "Entry '"
                                    + entry
                                    + "' on line "
                                    + (i + 1)
                                    + " of "
                                    + file
                                    + " is broken ("
                                    + reason
                                    + "). Each line there must name a public class that implements"
                                    + " MixupStrategy, with a public no-argument constructor, on"
                                    + " the class path: fix the name, add the missing jar, or remove"
                                    + " the line.",
                            error);
                }
            }
        }
        return new IllegalStateException(
                "A "
                        + SERVICE_FILE
                        + " file is broken ("
                        + reason
                        + "). Files on the class path: "
                        + (files.isEmpty() ? "none" : String.join(", ", files))
                        + ". Each line must name a public MixupStrategy class with a public"
                        + " no-argument constructor.",
                error);
    }

    /** Whether the message names the entry as a whole word (a class name is not a prefix). */
    private static boolean mentions(String message, String entry) {
        int at = message == null ? -1 : message.indexOf(entry);
        while (at >= 0) {
            int end = at + entry.length();
            boolean startOk = at == 0 || !Character.isJavaIdentifierPart(message.charAt(at - 1));
            boolean endOk =
                    end == message.length()
                            || !(Character.isJavaIdentifierPart(message.charAt(end))
                                    || message.charAt(end) == '.');
            if (startOk && endOk) {
                return true;
            }
            at = message.indexOf(entry, at + 1);
        }
        return false;
    }

    private static List<URL> serviceFiles() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try {
            return Collections.list(loader.getResources(SERVICE_FILE));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> readLines(URL file) {
        try (InputStream in = file.openStream();
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
