package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.ArrivingModel;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PrometheusText;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The captioning model's folder is missing at start: the {@code models} health component is DOWN and says why,
 * uploads fail for want of the model (not for the image); when the folder appears the component turns UP and the
 * failed image is captioned by itself, without a restart or a click.
 */
@GlimpseTest
class MissingModelTest {

    private static final ArrivingModel CAPTION = new ArrivingModel("blip-tiny");
    private static final Path CAPTION_FOLDER = CAPTION.folder();

    @DynamicPropertySource
    static void missingCaptionModel(DynamicPropertyRegistry registry) {
        CAPTION.register(registry, "caption");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("modelsHealthIndicator")
    HealthIndicator models;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void healthSaysTheModelIsMissingAndFailedImagesAreCaptionedOnceItAppears() throws Exception {
        Health missing = models.health();
        assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
        Map<?, ?> caption = (Map<?, ?>) missing.getDetails().get("caption");
        System.out.println("models health while missing: " + missing.getDetails());
        assertThat(caption.get("state")).isEqualTo("missing");
        assertThat(caption.get("reason")).isEqualTo("the model folder does not exist");
        assertThat((String) caption.get("fix")).contains(CAPTION_FOLDER.toString());
        assertThat(((Map<?, ?>) missing.getDetails().get("embedding")).get("state"))
                .isIn("on disk", "loaded");
        HttpResponse<String> health = api.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(GlimpseHttp.json(health).at("/components/models/status").asString())
                .isEqualTo("DOWN");

        String id = GlimpseHttp.firstFile(api.upload("waits.png", TestImages.png(64, 48, 1702)))
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> image(id).get("status").asString().equals("FAILED"));
        System.out.println("failure while missing: " + image(id).get("failureReason"));
        assertThat(new PrometheusText(api.get("/actuator/prometheus").body())
                        .value("glimpse_images_failed", "kind=model"))
                .isEqualTo(1);

        CAPTION.appear();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> models.health().getStatus().equals(Status.UP));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> image(id).get("status").asString().equals("READY"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "The image was not captioned after the model appeared. Image: " + image(id) + "\nHealth: "
                            + api.get("/actuator/health").body(),
                    e);
        }
        assertThat(image(id).get("caption").asString()).isNotBlank();
        assertThat(api.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private JsonNode image(String id) {
        return api.json("/api/images/" + id);
    }
}
