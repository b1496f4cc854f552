package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.TestImages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The same example (by final URL or by content) is captioned once; failures and evictions are captioned again. */
class CaptionCacheTest {

    private final AtomicInteger modelCalls = new AtomicInteger();

    @Test
    void theSameUrlOrTheSameBytesAreCaptionedOnce() {
        CaptionCache cache = new CaptionCache(16);
        Example.Fetched first = example("https://img.example/id/1.jpg", 1);
        Example.Fetched sameUrl = example("https://img.example/id/1.jpg", 1);
        Example.Fetched sameBytesOtherUrl = example("https://mirror.example/1.jpg", 1);
        Example.Fetched other = example("https://img.example/id/2.jpg", 2);

        CaptionCache.Lookup lookup = cache.caption(first.cacheKeys(), this::model);
        assertThat(lookup.started()).isTrue();
        assertThat(cache.caption(sameUrl.cacheKeys(), this::model).caption().join())
                .isEqualTo("caption 1");
        assertThat(cache.caption(sameBytesOtherUrl.cacheKeys(), this::model).started())
                .isFalse();
        assertThat(modelCalls).hasValue(1);

        cache.caption(other.cacheKeys(), this::model);
        assertThat(modelCalls).hasValue(2);
    }

    @Test
    void aFailedCaptionIsForgottenAndAskedForAgain() {
        CaptionCache cache = new CaptionCache(16);
        Example.Fetched image = example("https://img.example/id/3.jpg", 3);

        CaptionCache.Lookup failed = cache.caption(
                image.cacheKeys(), () -> CompletableFuture.failedFuture(new IllegalStateException("model down")));
        assertThat(failed.caption()).isCompletedExceptionally();

        assertThat(cache.caption(image.cacheKeys(), this::model).started()).isTrue();
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void theCacheIsBounded() {
        CaptionCache cache = new CaptionCache(4);
        for (int i = 0; i < 10; i++) {
            cache.caption(example("https://img.example/" + i, i).cacheKeys(), this::model);
        }
        assertThat(cache.size()).isEqualTo(4);
        cache.caption(example("https://img.example/0", 0).cacheKeys(), this::model);
        assertThat(modelCalls).hasValue(11);
    }

    private CompletableFuture<String> model() {
        return CompletableFuture.completedFuture("caption " + modelCalls.incrementAndGet());
    }

    private static Example.Fetched example(String url, long seed) {
        byte[] bytes = TestImages.png(16, 16, seed);
        return new Example.Fetched(Example.Source.REMOTE, url, bytes, "png", TestImages.picture(16, 16, seed));
    }
}
