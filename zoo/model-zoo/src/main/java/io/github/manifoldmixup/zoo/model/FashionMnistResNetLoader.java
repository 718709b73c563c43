/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.zoo.model;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import ai.djl.util.JsonUtils;
import ai.djl.util.Progress;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads {@value #ARTIFACT_ID}: the small pre-activation ResNet-20 trained on Fashion-MNIST, in the
 * variants of {@link MixupVariant} chosen with the filter {@code mixup}: {@code none}, {@code
 * input} (input mixup), {@code manifold} (Manifold Mixup, the default) and {@code
 * manifold-then-plain}. Supports {@code Image -> Classifications} (28x28 images, converted to
 * grayscale) and {@code NDList -> NDList} (batches of shape (B, 1, 28, 28), values in [0, 1]).
 *
 * <p>The parameters are the resource {@code <variant>.params} beside this class, and {@code
 * <variant>.json} holds the figures the variant was published with; both are set as model
 * properties.
 */
final class FashionMnistResNetLoader implements ModelLoader {

    /** The artifact id of the Fashion-MNIST ResNets. */
    static final String ARTIFACT_ID = ManifoldMixupModelZoo.FASHION_MNIST_RESNET;

    /** The filter that selects the variant. */
    static final String FILTER = MixupVariant.FILTER;

    private static final String VERSION = "0.1.0";
    private static final String MAGIC = "DJL@";

    private final String groupId;
    private final MRL mrl;
    private final Function<String, InputStream> resources;

    FashionMnistResNetLoader(String groupId) {
        this(groupId, FashionMnistResNetLoader.class::getResourceAsStream);
    }

    /**
     * Creates a loader that reads its files through a function.
     *
     * @param groupId the zoo's group id
     * @param resources opens {@code <variant>.params} and {@code <variant>.json}; null if absent
     */
    FashionMnistResNetLoader(String groupId, Function<String, InputStream> resources) {
        this.groupId = groupId;
        this.resources = resources;
        Repository repository =
                Repository.newInstance("manifold-mixup-zoo", "jar:///io/github/manifoldmixup/zoo");
        this.mrl =
                MRL.model(
                        repository,
                        Application.CV.IMAGE_CLASSIFICATION,
                        groupId,
                        ARTIFACT_ID,
                        VERSION,
                        null);
    }

    @Override
    public String getGroupId() {
        return groupId;
    }

    @Override
    public String getArtifactId() {
        return ARTIFACT_ID;
    }

    @Override
    public Application getApplication() {
        return Application.CV.IMAGE_CLASSIFICATION;
    }

    @Override
    public MRL getMrl() {
        return mrl;
    }

    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        MixupVariant variant = variant(criteria.getFilters());
        Translator<I, O> translator = translator(criteria);
        String resource = variant.filter() + ".params";
        Model model = Model.newInstance(ModelDirectory.modelName(variant), criteria.getDevice());
        try (InputStream parameters = resources.apply(resource)) {
            if (parameters == null) {
                throw new ModelNotFoundException(
                        "The parameters of "
                                + ARTIFACT_ID
                                + " (mixup="
                                + variant.filter()
                                + ") are not in this jar (resource "
                                + resourcePath(resource)
                                + "). Train them with zoo/training/train-fashion-mnist.sh, publish them"
                                + " with the publish command and rebuild the zoo module.");
            }
            // initialized first, so that the loaded model describes its input and can be saved
            FashionMnistNetwork.setUp(model);
            BufferedInputStream stream = new BufferedInputStream(parameters);
            stream.mark(MAGIC.length());
            String magic = new String(stream.readNBytes(MAGIC.length()), StandardCharsets.US_ASCII);
            stream.reset();
            // DJL skips a stream without its header silently, leaving the network untrained
            if (!MAGIC.equals(magic)) {
                throw new MalformedModelException("not a DJL parameter file");
            }
            model.load(stream, null);
            readProperties(variant, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof ModelNotFoundException notFound) {
                throw notFound;
            }
            throw new MalformedModelException(
                    "Cannot load "
                            + resourcePath(resource)
                            + " into "
                            + ARTIFACT_ID
                            + ": the resource is damaged or from another network ("
                            + e.getMessage()
                            + ").",
                    e);
        }
        return new ZooModel<>(model, translator);
    }

    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return true; // everything is in the jar
    }

    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        // nothing to download: the parameters are in the jar
    }

    @Override
    public String toString() {
        return groupId + ":" + ARTIFACT_ID + " (filter mixup: " + MixupVariant.known() + ")";
    }

    private static MixupVariant variant(Map<String, String> given) {
        // Criteria without optFilter hands over no map at all
        Map<String, String> filters = given == null ? Map.of() : given;
        for (String key : filters.keySet()) {
            if (!FILTER.equals(key)) {
                throw new IllegalArgumentException(
                        "Unknown filter '"
                                + key
                                + "' for "
                                + ARTIFACT_ID
                                + ". Known: mixup ("
                                + MixupVariant.known()
                                + ").");
            }
        }
        return MixupVariant.of(filters.getOrDefault(FILTER, MixupVariant.MANIFOLD.filter()));
    }

    @SuppressWarnings("unchecked")
    private static <I, O> Translator<I, O> translator(Criteria<I, O> criteria)
            throws ModelNotFoundException {
        Class<I> input = criteria.getInputClass();
        Class<O> output = criteria.getOutputClass();
        if (input == Image.class && output == Classifications.class) {
            return (Translator<I, O>) FashionMnistTranslators.images();
        }
        if (input == NDList.class && output == NDList.class) {
            return (Translator<I, O>) FashionMnistTranslators.batches();
        }
        throw new ModelNotFoundException(
                ARTIFACT_ID
                        + " supports Image -> Classifications and NDList -> NDList, not "
                        + input.getSimpleName()
                        + " -> "
                        + output.getSimpleName()
                        + ".");
    }

    private void readProperties(MixupVariant variant, Model model) throws IOException {
        try (InputStream json = resources.apply(variant.filter() + ".json")) {
            if (json != null) {
                metadata(json).forEach(model::setProperty);
            }
        }
    }

    /**
     * Opens the published metadata of a variant in this jar.
     *
     * @param variant the variant
     * @return the stream of {@code <variant>.json}, null if the jar has none
     */
    static InputStream metadataStream(MixupVariant variant) {
        return FashionMnistResNetLoader.class.getResourceAsStream(variant.filter() + ".json");
    }

    /**
     * Reads published metadata as model properties: each top-level entry, sections such as {@code
     * robustness} as their JSON text.
     *
     * @param json the metadata
     * @return the properties, in the file's order
     * @throws IOException if the stream cannot be read
     */
    static Map<String, String> metadata(InputStream json) throws IOException {
        try (Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            JsonObject metadata = JsonUtils.GSON.fromJson(reader, JsonObject.class);
            Map<String, String> properties = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : metadata.entrySet()) {
                JsonElement value = entry.getValue();
                properties.put(
                        entry.getKey(),
                        value.isJsonPrimitive() ? value.getAsString() : value.toString());
            }
            return properties;
        }
    }

    private static String resourcePath(String resource) {
        return "/"
                + FashionMnistResNetLoader.class.getPackageName().replace('.', '/')
                + "/"
                + resource;
    }
}
