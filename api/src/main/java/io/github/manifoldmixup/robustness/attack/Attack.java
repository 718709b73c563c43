/*
 * Copyright 2026 The Manifold Mixup for DJL authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.manifoldmixup.robustness.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;

/**
 * An attack that perturbs a batch of inputs against a classifier whose block returns the logits as
 * {@code predictions.head()}, of shape {@code (B, C)}.
 *
 * <p>Implementations run the block in inference mode (BatchNorm uses its running statistics and
 * does not update them, dropout is off), leave the model's parameter values and their existing
 * gradients untouched, and close every intermediate array before returning. They open their own
 * {@link ai.djl.training.GradientCollector}, so they must not be called while another collector is
 * open (PyTorch allows one at a time): in adversarial training, perturb the batch first, then open
 * the training collector.
 *
 * <p>To keep the parameters out of the backward pass, every parameter array that requires a
 * gradient has it turned off for the attack and turned back on in a {@code finally} block; the
 * {@link ai.djl.nn.Parameter}'s own flag is not touched. On PyTorch this only flips {@code
 * requires_grad} and keeps an existing {@code .grad}, so gradients a trainer has accumulated
 * survive the attack unchanged. On MXNet, re-enabling marks the array with a fresh zero gradient
 * buffer, so there attack before the backward pass or after the optimizer step.
 */
public interface Attack {

    /**
     * Returns the attack's short name.
     *
     * @return for example {@code "fgsm"} or {@code "pgd"}
     */
    String getName();

    /**
     * Returns the L-infinity radius of the perturbations, in the units of the input.
     *
     * @return the epsilon
     */
    float getEpsilon();

    /**
     * Returns adversarial versions of the images.
     *
     * @param model the classifier under attack; its block maps the images to logits {@code (B, C)}
     * @param images any shape with the batch first, {@code (B, ...)}
     * @param labels the true class indices, shape {@code (B)} or {@code (B, 1)}, integral values in
     *     {@code [0, C)}
     * @return a new array on {@code images.getManager()} with the images' shape, data type and
     *     device; nothing else the attack created stays alive
     * @throws IllegalArgumentException if the labels do not match the batch or the logits
     */
    NDArray perturb(Model model, NDArray images, NDArray labels);

    /**
     * Draws from the engine's random generator what {@link #perturb} would draw for some images,
     * and discards it. A shard of a test set that starts after image 0 calls it for the images
     * before it, with the generator seeded as for one pass, so that its random draws are the ones a
     * single pass over the whole set makes for its images. An attack that draws nothing does
     * nothing, the default.
     *
     * @param like a batch of the images: their data type, device and shape after the batch
     * @param images how many images to draw for
     */
    default void skipRandomness(NDArray like, long images) {}
}
