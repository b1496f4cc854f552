package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.imaging.CaptureFacts;
import dev.glimpse.imaging.CaptureFactsReader;
import dev.glimpse.imaging.ImageFormat;
import dev.glimpse.library.Image;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.PhotoFacts;
import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A geotagged, dated phone photo through the API: its capture time, place and camera are answered, its dimensions
 * are upright, its stored original keeps the time and orientation but no GPS, and the library lists it by when it was
 * taken; an image stored before facts were recorded is backfilled from its original.
 */
@Tag("integration")
@GlimpseTest
class PhotoFactsApiTest {

    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    @LocalServerPort
    int port;

    @Autowired
    ImageRepository images;

    @Autowired
    CaptureFactsBackfill backfill;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void aGeotaggedDatedPortraitPhotoShowsWhenWhereAndWithWhat() throws Exception {
        byte[] photo = photo(1600, 1200, 6, "2024:07:14 18:03:00", "+01:00", 38.7139, -9.1394, 11);

        String id = api.uploadOne("lisbon.jpg", photo);
        JsonNode image = api.json("/api/images/" + id);

        assertThat(image.get("width").asInt()).isEqualTo(1200);
        assertThat(image.get("height").asInt()).isEqualTo(1600);
        assertThat(image.get("takenAt").asString()).isEqualTo("2024-07-14T18:03:00+01:00");
        assertThat(image.get("takenAtEstimated").asBoolean()).isFalse();
        assertThat(image.get("camera").asString()).isEqualTo("Apple iPhone 13");
        assertThat(image.get("place").get("city").asString()).isEqualTo("Lisbon");
        assertThat(image.get("place").get("country").asString()).isEqualTo("Portugal");
        byte[] stored = api.getBytes("/api/images/" + id + "/content").body();
        CaptureFacts kept = CaptureFactsReader.read(ImageFormat.JPEG, stored);
        assertThat(kept.position()).as("GPS in the stored original").isNull();
        assertThat(kept.takenAt()).isEqualTo(LocalDateTime.of(2024, 7, 14, 18, 3));
        assertThat(dev.glimpse.imaging.Orientation.of(ImageFormat.JPEG, stored)).isEqualTo(6);
    }

    @Test
    void aPhotoWithoutMetadataIsListedByItsUploadTimeMarkedAsSuch() throws Exception {
        String id = api.uploadOne("plain.jpg", plainJpeg(64, 48, 12));

        JsonNode image = api.json("/api/images/" + id);

        assertThat(image.get("takenAtEstimated").asBoolean()).isTrue();
        assertThat(image.get("place").isNull()).isTrue();
        assertThat(image.get("camera").isNull()).isTrue();
    }

    @Test
    void theLibraryIsListedLatestTakenFirst() throws Exception {
        String older = api.uploadOne("older.jpg", photo(64, 48, 1, "2019:03:01 10:00:00", null, null, null, 13));
        String newer = api.uploadOne("newer.jpg", photo(64, 48, 1, "2022:03:01 10:00:00", null, null, null, 14));

        int olderAt = positionInLibrary(older);
        int newerAt = positionInLibrary(newer);

        System.out.println("library positions: 2022 photo " + newerAt + ", 2019 photo " + olderAt);
        assertThat(newerAt).isLessThan(olderAt);
    }

    @Test
    void anImageStoredBeforeFactsWereRecordedIsBackfilledFromItsOriginal() throws Exception {
        String id = api.uploadOne("earlier.jpg", photo(64, 48, 1, "2018:08:09 10:11:12", "-04:00", null, null, 15));
        // the pipeline changes the row while it captions it: wait until it is done, so the change below is the only one
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(120))
                .until(() -> images.findById(UUID.fromString(id)).orElseThrow().getStatus()
                        == dev.glimpse.library.ImageStatus.READY);
        Image image = images.findById(UUID.fromString(id)).orElseThrow();
        image.recordFacts(PhotoFacts.UNKNOWN, Instant.now());
        images.saveAndFlush(image);
        forgetFacts(UUID.fromString(id));

        int visited = backfill.run();

        Image backfilled = images.findById(UUID.fromString(id)).orElseThrow();
        System.out.println("backfill visited " + visited + " images");
        assertThat(backfilled.getFacts().takenAt()).isEqualTo(LocalDateTime.of(2018, 8, 9, 10, 11, 12));
        assertThat(backfilled.getTakenAtSource()).isEqualTo(PhotoFacts.TakenAtSource.EXIF);
        assertThat(backfilled.getFacts().camera()).isEqualTo("Apple iPhone 13");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private void forgetFacts(UUID id) {
        jdbc.update("UPDATE image SET taken_at_source = NULL, camera = NULL WHERE id = ?", id);
    }

    private int positionInLibrary(String id) throws Exception {
        for (int page = 0; page < 100; page++) {
            JsonNode list = api.json("/api/images?size=200&page=" + page).get("images");
            if (list.isEmpty()) {
                break;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).get("id").asString().equals(id)) {
                    return page * 200 + i;
                }
            }
        }
        throw new AssertionError("Image " + id + " is not listed");
    }

    /** A JPEG from an iPhone 13 with EXIF orientation, date (and offset) and GPS where given; seed makes it unique. */
    static byte[] photo(
            int width,
            int height,
            int orientation,
            String taken,
            String offset,
            Double latitude,
            Double longitude,
            int seed)
            throws IOException {
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Apple");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "iPhone 13");
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
        exifDirectory.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, taken);
        if (offset != null) {
            exifDirectory.add(OFFSET_TIME_ORIGINAL, offset);
        }
        if (latitude != null) {
            exif.setGpsInDegrees(longitude, latitude);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plainJpeg(width, height, seed), out, exif);
        return out.toByteArray();
    }

    static byte[] plainJpeg(int width, int height, int seed) throws IOException {
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed ^ UUID.randomUUID().hashCode());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        return out.toByteArray();
    }
}
