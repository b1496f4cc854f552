package dev.glimpse.storage;

import com.google.cloud.storage.StorageOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the configured {@link BlobStore}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    BlobStore blobStore(StorageProperties properties) {
        return switch (properties.type()) {
            case LOCAL -> {
                log.info(
                        "Storing images on local disk under {}, keeping {} free",
                        properties.local().root().toAbsolutePath(),
                        properties.local().minFreeSpace());
                yield new LocalBlobStore(
                        properties.local().root(),
                        properties.local().minFreeSpace().toBytes());
            }
            case GCS -> gcs(properties.gcs());
        };
    }

    private static BlobStore gcs(StorageProperties.Gcs gcs) {
        if (gcs.bucket() == null || gcs.bucket().isBlank()) {
            throw new IllegalStateException("glimpse.storage.type=gcs needs glimpse.storage.gcs.bucket");
        }
        StorageOptions.Builder options = StorageOptions.newBuilder();
        if (gcs.projectId() != null && !gcs.projectId().isBlank()) {
            options.setProjectId(gcs.projectId());
        }
        log.info("Storing images in Google Cloud Storage bucket {} under '{}'", gcs.bucket(), gcs.prefix());
        return new GcsBlobStore(options.build().getService(), gcs.bucket(), gcs.prefix());
    }
}
