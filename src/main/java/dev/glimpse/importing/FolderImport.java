package dev.glimpse.importing;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Imports the files of a folder through {@link IngestService#importFile} on {@code threads} workers, at most two files
 * per worker read at a time (memory stays flat whatever the folder's size). Every file ends stored, duplicate or
 * refused (with its reason in the report); a file is read only up to the size limit plus one byte. When storage or
 * the database fails, the import stops after the files under way and says so: what was stored stays stored, and the
 * next run carries on (files already stored count as duplicates).
 */
public final class FolderImport {

    private final IngestService ingest;
    private final long maxBytes;
    private final int threads;

    public FolderImport(IngestService ingest, int threads) {
        this.ingest = ingest;
        this.maxBytes = ingest.limits().maxBytes().toBytes();
        this.threads = threads;
    }

    /** Imports the files; refusals go to {@code report}, progress to {@code progress}. */
    ImportSummary run(List<SourceFile> files, RefusalReport report, ImportProgress progress)
            throws InterruptedException {
        AtomicLong imported = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicReference<@Nullable String> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(2 * threads);
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            for (SourceFile file : files) {
                inFlight.acquire();
                if (failure.get() != null) {
                    inFlight.release();
                    break;
                }
                workers.execute(() -> {
                    try {
                        switch (importOne(file)) {
                            case IngestOutcome.Stored stored -> imported.incrementAndGet();
                            case IngestOutcome.Duplicate duplicate -> duplicates.incrementAndGet();
                            case IngestOutcome.Refused no -> {
                                refused.incrementAndGet();
                                report.refused(file.file(), no.reason());
                            }
                            case IngestOutcome.Unavailable down ->
                                failure.compareAndSet(null, file.sourcePath() + ": " + down.reason());
                        }
                        progress.advance();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, file.sourcePath() + ": " + e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        progress.finish();
        ImportSummary summary = new ImportSummary(imported.get(), duplicates.get(), refused.get());
        if (failure.get() != null) {
            throw new ImportStoppedException(failure.get(), summary);
        }
        return summary;
    }

    private IngestOutcome importOne(SourceFile file) {
        byte[] bytes;
        try (InputStream input = Files.newInputStream(file.file())) {
            bytes = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            return new IngestOutcome.Refused(file.sourcePath(), "could not be read (" + e.getMessage() + ")");
        }
        return ingest.importFile(file.sourcePath(), bytes);
    }

    /** Default progress interval for plain lines. */
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
}
