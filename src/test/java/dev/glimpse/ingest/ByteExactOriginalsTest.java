package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.imaging.ImageStructure;
import dev.glimpse.imaging.MetadataFiles;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.TestImages;
import dev.glimpse.testsupport.UnreachableHubGlimpseTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With {@code glimpse.upload.keep-all-metadata=true} an original is stored and served byte for byte — GPS, comments
 * and an appended archive included — and duplicates are recognised by the SHA-256 of the uploaded bytes.
 */
@UnreachableHubGlimpseTest
class ByteExactOriginalsTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void originalIsStoredAndServedByteForByte() throws Exception {
        byte[] loaded = MetadataFiles.jpeg(TestImages.jpeg(96, 64, 730));

        JsonNode file = upload("everything.jpg", loaded);

        assertThat(file.get("status").asString()).isEqualTo("stored");
        byte[] served = api.content(file.get("id").asString());
        assertThat(served).isEqualTo(loaded);
        assertThat(ImageStructure.exifOf(served).getGpsInfo()).isNotNull();
    }

    @Test
    void filesDifferingOnlyInDataThePolicyWouldDropAreTwoImages() throws Exception {
        byte[] first = MetadataFiles.jpeg(TestImages.jpeg(96, 64, 731));
        byte[] second = Arrays.copyOf(first, first.length + 1);

        JsonNode one = upload("first.jpg", first);
        JsonNode two = upload("second.jpg", second);

        assertThat(one.get("status").asString()).isEqualTo("stored");
        assertThat(two.get("status").asString()).isEqualTo("stored");
        assertThat(two.get("id").asString()).isNotEqualTo(one.get("id").asString());
    }

    private JsonNode upload(String name, byte[] bytes) {
        return GlimpseHttp.firstFile(api.upload(name, bytes));
    }
}
