package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * From upload to search: the capture time and place read from a photo's EXIF reach the search index, so "photos
 * from reykjavik", "our trip to kenya" or "in 2013" put the photo taken then and there first although its caption
 * (the fixture model's nonsense) says nothing of either.
 */
@GlimpseTest
class TimeAndPlaceSearchApiTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void aPhotoIsFoundByWhereAndWhenItWasTaken() throws Exception {
        String reykjavik = upload(
                "harbour.jpg",
                PhotoFactsApiTest.photo(320, 240, 1, "2017:03:02 09:15:00", "+00:00", 64.1466, -21.9426, 31));
        String nairobi = upload(
                "market.jpg",
                PhotoFactsApiTest.photo(320, 240, 1, "2013:10:10 16:40:00", "+03:00", -1.2921, 36.8219, 32));
        api.awaitImage(reykjavik, "READY", Duration.ofSeconds(120));
        api.awaitImage(nairobi, "READY", Duration.ofSeconds(120));

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
        return GlimpseHttp.json(api.search(query));
    }

    private String upload(String name, byte[] bytes) {
        HttpResponse<String> response = api.upload(name, bytes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return GlimpseHttp.firstFile(response).get("id").asString();
    }
}
