package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import dev.glimpse.testsupport.PrometheusText;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/prometheus} shows the pipeline at work: counts and latencies move by what one stored upload, one
 * refused upload and one typed search did (differences, since other tests share the application).
 */
@GlimpseTest
class PrometheusMetricsTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void anUploadThatReachesReadyARefusedUploadAndASearchShowInTheMetrics() throws Exception {
        PrometheusText before = scrape();

        HttpResponse<String> upload = api.upload(new Multipart()
                .file("files", "meter.png", TestImages.png(80, 60, 1701))
                .file("files", "meter.png.txt.png", "not an image at all".getBytes()));
        JsonNode files = GlimpseHttp.json(upload).get("files");
        assertThat(files.get(1).get("status").asString()).isEqualTo("refused");
        String id = files.get(0).get("id").asString();
        String caption = api.awaitImage(id, "READY", Duration.ofSeconds(90))
                .get("caption")
                .asString();
        assertThat(api.search(caption).statusCode()).isEqualTo(200);

        // the library gauges read the database at most once a second: wait for a fresh reading
        PrometheusText after = await().atMost(Duration.ofSeconds(10))
                .until(this::scrape, text -> text.value("glimpse_images", "status=ready") >= 1);
        System.out.printf(
                "caption requests %.0f (sum %.3f s), embedding requests %.0f, typed searches %.0f, ready images %.0f%n",
                after.value("glimpse_inference_seconds_count", "role=caption"),
                after.value("glimpse_inference_seconds_sum", "role=caption"),
                after.value("glimpse_inference_seconds_count", "role=embedding"),
                after.value("glimpse_search_seconds_count", "kind=typed"),
                after.value("glimpse_images", "status=ready"));

        assertThat(delta(before, after, "glimpse_uploads_total", "outcome=stored"))
                .isEqualTo(1);
        assertThat(delta(before, after, "glimpse_uploads_total", "outcome=refused"))
                .isEqualTo(1);
        assertThat(delta(before, after, "glimpse_search_seconds_count", "kind=typed", "outcome=ok"))
                .isEqualTo(1);
        assertThat(after.value("glimpse_search_seconds_sum", "kind=typed")).isPositive();
        assertThat(delta(before, after, "glimpse_inference_seconds_count", "role=caption"))
                .isGreaterThanOrEqualTo(1);
        // the caption's embedding and the search query's embedding
        assertThat(delta(before, after, "glimpse_inference_seconds_count", "role=embedding"))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.value("glimpse_inference_seconds_bucket", "role=caption", "le=+Inf"))
                .isEqualTo(after.value("glimpse_inference_seconds_count", "role=caption"));
        assertThat(delta(before, after, "glimpse_inference_batch_size_count", "role=caption"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("glimpse_model_load_seconds_count", "role=caption", "outcome=success"))
                .isEqualTo(1);
        assertThat(after.value("glimpse_model_load_seconds_count", "role=embedding", "outcome=success"))
                .isEqualTo(1);
        assertThat(after.value("glimpse_images", "status=ready")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("glimpse_model_available", "role=caption")).isEqualTo(1);
        assertThat(after.value("glimpse_inference_busy_refusals_total", "role=caption"))
                .isZero();
        assertThat(after.has("glimpse_pipeline_queue_depth")).isTrue();
        assertThat(after.has("glimpse_pipeline_oldest_claim_age_seconds")).isTrue();
        assertThat(after.has("glimpse_hub_download_bytes_total")).isTrue();
        assertThat(after.value("glimpse_hub_failures_total", "kind=host_not_found"))
                .isZero();

        Set<String> dashboardMetrics = new TreeSet<>();
        Matcher names =
                Pattern.compile("glimpse_[a-z_]+").matcher(Files.readString(Path.of("deploy/grafana/glimpse.json")));
        while (names.find()) {
            dashboardMetrics.add(names.group());
        }
        assertThat(dashboardMetrics).hasSizeGreaterThan(10);
        assertThat(dashboardMetrics)
                .as("every metric the Grafana dashboard uses is exported")
                .allMatch(after::has);
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        double earlier = before.value(name, labels);
        return after.value(name, labels) - (Double.isNaN(earlier) ? 0 : earlier);
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> response = api.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusText(response.body());
    }
}
