package dev.glimpse.pipeline;

import dev.glimpse.caption.CaptionService;
import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.imaging.ImageDecoders;
import dev.glimpse.imaging.ImageFormat;
import dev.glimpse.imaging.ImageRefusedException;
import dev.glimpse.library.FailureKind;
import dev.glimpse.library.FailureReasons;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageQueries;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.Subscription;
import dev.glimpse.serving.BusyException;
import dev.glimpse.serving.InferenceExecutor.Priority;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.storage.BlobStore;
import dev.glimpse.storage.StorageUnavailableException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives stored images to READY in the background: claims waiting rows, captions them (micro-batched, user priority),
 * embeds the caption and writes both in one transaction. At most {@code maxInFlight} images are in the models'
 * hands; when the models answer busy or blob storage cannot be reached, the image goes back to the queue and is
 * tried again later (an outage is not the image's fault, so it is not marked FAILED; see {@link StorageBackoff}).
 * Nothing runs on a request or UI thread, and nothing depends on the page that uploaded the image still being open.
 *
 * <p>Claims are leased ({@link ImageClaims}): while images are in this worker's hands {@link LeaseRenewal} renews
 * their leases every third of the lease, so another instance takes over only the work of a worker that died. A new upload on
 * any instance wakes the pipeline through the change log ({@link ImageQueries#onChange}); polling is the backstop.
 */
@Component
class CaptionPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaptionPipeline.class);
    private static final ImageDecoders DECODERS = ImageDecoders.standard();

    private final ImageClaims claims;
    private final ImageCommands commands;
    private final BlobStore blobs;
    private final CaptionService captioner;
    private final EmbeddingService embedder;
    private final PipelineProperties properties;
    private final Semaphore slots;
    private final Semaphore wakeUp = new Semaphore(0);
    private final StorageBackoff storageBackoff;
    private final ImageQueries queries;
    private final ModelMonitor models;
    private final FailedImageRetry failedImages;
    private final LeaseRenewal leases;
    private volatile boolean running;
    private volatile @Nullable Thread loop;
    private @Nullable Subscription wakeUps;

    CaptionPipeline(
            ImageClaims claims,
            ImageCommands commands,
            BlobStore blobs,
            CaptionService captioner,
            EmbeddingService embedder,
            PipelineProperties properties,
            ImageQueries queries,
            ModelMonitor models,
            FailedImageRetry failedImages,
            Clock clock) {
        this.claims = claims;
        this.commands = commands;
        this.blobs = blobs;
        this.captioner = captioner;
        this.embedder = embedder;
        this.properties = properties;
        this.queries = queries;
        this.models = models;
        this.failedImages = failedImages;
        this.slots = new Semaphore(properties.maxInFlight());
        this.leases = new LeaseRenewal(claims, properties.lease());
        this.storageBackoff = new StorageBackoff(properties.pollInterval().multipliedBy(5), clock);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!properties.enabled()) {
            log.info("Captioning pipeline disabled (glimpse.pipeline.enabled=false)");
            return;
        }
        int released = claims.releaseOwn();
        if (released > 0) {
            log.info(
                    "Picked up {} images this instance ({}) left half-captioned when it last stopped",
                    released,
                    claims.instance());
        }
        running = true;
        wakeUps = queries.onChange(this::onImageChanged);
        leases.start();
        Thread claimLoop = Thread.ofVirtual().name("caption-pipeline").unstarted(this::run);
        loop = claimLoop; // set before it runs: the loop goes on while it is the current one
        claimLoop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (wakeUps != null) {
            wakeUps.close();
            wakeUps = null;
        }
        Thread claimLoop = loop;
        loop = null;
        if (claimLoop != null) {
            claimLoop.interrupt();
        }
        leases.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** New work arrived (on any instance): look for it now rather than at the next poll. */
    private void onImageChanged(UUID id, @Nullable ImageSummary image) {
        if (image != null && image.status() == ImageStatus.RECEIVED) {
            wakeUp.release();
        }
    }

    private void run() {
        while (running && loop == Thread.currentThread()) {
            try {
                claimAndStart();
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (FailureReasons.isExpected(e)) {
                    log.warn(
                            "Captioning pipeline could not look for work; trying again shortly: {}",
                            FailureReasons.describe(e));
                } else {
                    log.warn("Captioning pipeline could not look for work; trying again shortly", e);
                }
                sleepQuietly();
            }
        }
    }

    private void claimAndStart() {
        int free = slots.availablePermits();
        if (free == 0 || storageBackoff.paused()) {
            return;
        }
        List<ImageClaims.Claim> claimed = claims.claim(free);
        for (ImageClaims.Claim claim : claimed) {
            slots.acquireUninterruptibly();
            leases.hold(claim.id());
            process(claim).whenComplete((outcome, error) -> {
                leases.release(claim.id());
                slots.release();
                if (outcome != Outcome.RETRY_LATER) {
                    wakeUp.release(); // a slot is free: look for more work now, not after the poll interval
                }
            });
        }
    }

    /** What became of one claimed image. */
    private enum Outcome {
        DONE,
        /** Back in the queue (models busy, storage unreachable): tried again after the poll interval. */
        RETRY_LATER
    }

    private CompletableFuture<Outcome> process(ImageClaims.Claim claim) {
        long announcementsBefore = models.availabilityAnnouncements();
        return CompletableFuture.supplyAsync(
                        () -> load(claim), command -> Thread.ofVirtual().start(command))
                .thenCompose(image -> captioner.caption(image, Priority.USER))
                .thenCompose(caption -> embedder.embed(caption, Priority.USER)
                        .thenApply(vector ->
                                new ImageCommands.Captioned(caption, captioner.modelId(), vector, embedder.modelId())))
                .handle((result, error) -> finish(claim, result, error, announcementsBefore));
    }

    private Outcome finish(
            ImageClaims.Claim claim, ImageCommands.Captioned result, Throwable error, long announcementsBefore) {
        if (!running) {
            // Stopping: the models' executors are closing and fail what they still hold, and the database may be
            // going away. Writing now would mark a healthy image FAILED (or wait on a closed pool), so the claim
            // is left as it is and taken back at the next start (or by another instance once its lease expires).
            log.info("Stopping: image {} will be captioned again at the next start", claim.id());
            return Outcome.DONE;
        }
        try {
            if (error == null) {
                commands.finishCaptioning(claim.id(), claims.instance(), result);
                return Outcome.DONE;
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof StorageUnavailableException) {
                storageBackoff.readFailed(cause.getMessage());
            }
            if (cause instanceof BusyException || cause instanceof StorageUnavailableException) {
                claims.release(claim.id());
                return Outcome.RETRY_LATER;
            }
            if (FailureReasons.isExpected(cause)) {
                log.warn("Captioning image {} failed: {}", claim.id(), FailureReasons.describe(cause));
            } else {
                log.warn("Captioning image {} failed", claim.id(), cause);
            }
            FailureKind kind = FailureKind.of(cause);
            commands.failCaptioning(claim.id(), claims.instance(), FailureReasons.describe(cause), kind);
            if (kind == FailureKind.MODEL && models.availabilityAnnouncements() != announcementsBefore) {
                retryAfterModelAppeared(claim.id());
            }
        } catch (RuntimeException e) {
            log.error(
                    "Could not record the outcome for image {}; its lease will expire and it will be retried",
                    claim.id(),
                    e);
        }
        return Outcome.DONE;
    }

    /**
     * A model became available while this attempt was failing for want of it: the retry of failed images may have
     * looked before this image was marked FAILED, so it is queued again here (checked after the failure was written,
     * so one of the two always sees it; whichever comes second finds it queued already).
     */
    private void retryAfterModelAppeared(UUID id) {
        if (failedImages.retry(id)) {
            log.info("Image {} failed while a model was becoming available: queued again", id);
        }
    }

    private BufferedImage load(ImageClaims.Claim claim) {
        byte[] bytes = blobs.get(claim.storageKey())
                .orElseThrow(() -> new IllegalStateException("The stored image file is missing"));
        storageBackoff.readSucceeded();
        ImageFormat format = ImageFormat.ofMimeType(claim.mimeType())
                .orElseThrow(
                        () -> new IllegalStateException("The stored image has an unknown type " + claim.mimeType()));
        try {
            // subsampled while decoding: a 100-megapixel photo never lies whole on the heap
            return DECODERS.upright(format, bytes, ImageDecoders.WORKING_SIDE);
        } catch (ImageRefusedException e) {
            throw new IllegalStateException("The stored image can no longer be decoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
