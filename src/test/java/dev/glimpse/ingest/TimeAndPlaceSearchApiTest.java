package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.Multipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From upload to search: the capture time and place read from a photo's EXIF reach the search index, so "photos
 * from reykjavik", "our trip to kenya" or "in 2013" put the photo taken then and there first although its caption
 * (the fixture model's nonsense) says nothing of either.
 */
@GlimpseTest
class TimeAndPlaceSearchApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPhotoIsFoundByWhereAndWhenItWasTaken() throws Exception {
        String reykjavik = upload(
                "harbour.jpg",
                PhotoFactsApiTest.photo(320, 240, 1, "2017:03:02 09:15:00", "+00:00", 64.1466, -21.9426, 31));
        String nairobi = upload(
                "market.jpg",
                PhotoFactsApiTest.photo(320, 240, 1, "2013:10:10 16:40:00", "+03:00", -1.2921, 36.8219, 32));
        awaitReady(reykjavik);
        awaitReady(nairobi);

        assertThat(firstHit("photos from reykjavik")).isEqualTo(reykjavik);
        assertThat(firstHit("our trip to kenya")).isEqualTo(nairobi);
        assertThat(firstHit("in 2013")).isEqualTo(nairobi);
        JsonNode understood = search("the harbour in iceland in march 2017").get("understood");
        System.out.println("understood: " + understood);
        assertThat(understood.get("place").asString()).containsIgnoringCase("iceland");
        assertThat(understood.get("time").get("text").asString()).contains("2017");
        assertThat(firstHit("the harbour in iceland in march 2017")).isEqualTo(reykjavik);
    }

    private String firstHit(String query) throws Exception {
        JsonNode results = search(query).get("results");
        assertThat(results.size()).as(query).isPositive();
        return results.get(0).get("id").asString();
    }

    private JsonNode search(String query) throws Exception {
        String path = "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private void awaitReady(String id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> JSON.readTree(http.send(
                                        HttpRequest.newBuilder(uri("/api/images/" + id))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .get("status")
                        .asString()
                        .equals("READY"));
    }

    private String upload(String name, byte[] bytes) throws Exception {
        HttpResponse<String> response = http.send(
                new Multipart().file("files", name, bytes).post(uri("/api/images")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).at("/files/0/id").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
