package dev.glimpse.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link GlimpseTest}, but the caption and speech models are hub repositories that are not in the model store
 * while the hub cannot be reached (a loopback port nothing listens on, offline mode off), so they can never be
 * loaded; the embedding model is the fixture. Originals are stored byte for byte
 * ({@code glimpse.upload.keep-all-metadata=true}). Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "glimpse.models.offline=false",
            "glimpse.models.hub-url=http://127.0.0.1:9",
            "glimpse.caption.model=glimpse-test/no-such-blip",
            "glimpse.speech.model=glimpse-test/no-such-whisper",
            "glimpse.upload.keep-all-metadata=true"
        })
@ActiveProfiles("test")
public @interface UnreachableHubGlimpseTest {}
