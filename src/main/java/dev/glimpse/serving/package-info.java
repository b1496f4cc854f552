/**
 * Serving the models inside the application: the registry of configured models and their state ({@link
 * dev.glimpse.serving.ModelMonitor}, {@link dev.glimpse.serving.ModelState}) with its health indicator and meters,
 * lazy loading ({@link dev.glimpse.serving.LazyModel}), the bounded micro-batching {@link
 * dev.glimpse.serving.InferenceExecutor}, the watcher that notices models appearing on disk, native-memory trimming,
 * and the {@code glimpse.models} settings. The model runtime it serves, {@code dev.glimpse.ml}, knows nothing of it
 * or of Spring.
 */
@NullMarked
package dev.glimpse.serving;

import org.jspecify.annotations.NullMarked;
