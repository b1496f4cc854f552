package dev.glimpse.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.testsupport.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the comparison command on blip-tiny and a copy of it under another id, with generated images. */
class CompareCaptionersTest {

    private static final String UNRELATED = "qqq www eee rrr";

    @TempDir
    Path dir;

    private Path images;
    private Path copy;
    private final List<BufferedImage> generated = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        images = Files.createDirectories(dir.resolve("images"));
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE};
        for (int i = 0; i < colors.length; i++) {
            BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(colors[i]);
            g.fillRect(0, 0, 96, 64);
            g.setColor(Color.WHITE);
            g.fillOval(10 * i, 8, 30, 30);
            g.dispose();
            ImageIO.write(image, "png", images.resolve("img" + i + ".png").toFile());
            generated.add(image);
        }
        Files.writeString(images.resolve("notes.txt"), "not an image");
        copy = Files.createDirectories(dir.resolve("blip-tiny-copy"));
        try (Stream<Path> files = Files.list(Fixtures.model("blip-tiny"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void comparesTwoModelsWithReferencesAndWritesTableCsvAndJson() throws IOException {
        List<String> captions = captionsOfBlipTiny();
        Path references = dir.resolve("captions.json");
        // img0 and img1: their own caption among the references; img2: nothing in common; img3: no reference
        Files.writeString(references, """
                {"images": [{"id": 1, "file_name": "img0.png"}, {"id": 2, "file_name": "img1.png"},
                            {"id": 3, "file_name": "img2.png"}],
                 "annotations": [{"image_id": 1, "caption": %s}, {"image_id": 1, "caption": "a blue sky"},
                                 {"image_id": 2, "caption": %s}, {"image_id": 3, "caption": "%s"}]}
                """.formatted(quoted(captions.get(0)), quoted(captions.get(1)), UNRELATED));
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = CompareCaptioners.run(
                new String[] {
                    "--images=" + images,
                    "--references=" + references,
                    "--out=" + out,
                    "--batch=2",
                    "--offline",
                    "--models-dir=" + dir.resolve("models"),
                    Fixtures.model("blip-tiny").toString(),
                    copy.toString()
                },
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("| Model | Load (s) | Size (MB) |", "Images/min (batch 2)", "BLEU-4", "ROUGE-L")
                .contains("4 images, 3 with references");
        assertThat(table.lines().filter(line -> line.startsWith("| /"))).hasSize(2);
        assertThat(Files.readString(out.resolve("comparison.md")))
                .isEqualTo(table.substring(0, table.indexOf("Written:")));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("[" + "#".repeat(30) + "]", "4/4");

        JsonArray models = JsonParser.parseString(Files.readString(out.resolve("comparison.json")))
                .getAsJsonArray();
        assertThat(models).hasSize(2);
        JsonObject first = models.get(0).getAsJsonObject();
        JsonObject second = models.get(1).getAsJsonObject();
        assertThat(first.get("id").getAsString())
                .isEqualTo(Fixtures.model("blip-tiny").toString());
        assertThat(second.get("id").getAsString()).isEqualTo(copy.toString());
        long copiedBytes = 0;
        try (Stream<Path> files = Files.list(copy)) {
            for (Path file : files.toList()) {
                copiedBytes += Files.size(file);
            }
        }
        assertThat(second.get("sizeBytes").getAsLong()).isEqualTo(copiedBytes);
        assertThat(first.get("sizeBytes").getAsLong())
                .as("the fixture folder also holds reference/ and torchscript/")
                .isGreaterThan(copiedBytes);
        for (JsonObject model : List.of(first, second)) {
            assertThat(model.get("loadSeconds").getAsDouble()).isPositive();
            assertThat(model.get("medianMillis").getAsDouble()).isPositive();
            assertThat(model.get("p90Millis").getAsDouble())
                    .isGreaterThanOrEqualTo(model.get("medianMillis").getAsDouble());
            assertThat(model.get("imagesPerMinute").getAsDouble()).isPositive();
            assertThat(model.get("peakHeapBytes").getAsLong()).isPositive();
            assertThat(model.get("peakRssBytes").getAsLong())
                    .isGreaterThan(model.get("peakHeapBytes").getAsLong() / 10);
            JsonArray perImage = model.getAsJsonArray("images");
            assertThat(perImage).hasSize(4);
            for (int i = 0; i < 4; i++) {
                JsonObject image = perImage.get(i).getAsJsonObject();
                assertThat(image.get("file").getAsString()).isEqualTo("img" + i + ".png");
                assertThat(image.get("caption").getAsString()).isEqualTo(captions.get(i));
                assertThat(image.get("millis").getAsDouble()).isPositive();
            }
            assertScores(model.getAsJsonObject("scores"), captions);
        }
        List<String> csv = Files.readAllLines(out.resolve("captions.csv"));
        assertThat(csv).hasSize(1 + 8);
        assertThat(csv.get(0)).isEqualTo("model,image,caption,millis,references");
        assertThat(csv.get(1))
                .startsWith(ComparisonReport.quote(Fixtures.model("blip-tiny").toString()) + ",\"img0.png\","
                        + ComparisonReport.quote(captions.get(0)) + ",");
        assertThat(csv.get(1)).endsWith(ComparisonReport.quote(captions.get(0) + " | a blue sky"));
    }

    @Test
    void withoutReferencesTheScoreColumnsAreEmpty() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int status = CompareCaptioners.run(
                new String[] {"--images=" + images, "--out=" + dir.resolve("out2"), "--warm-up=0", copy.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String row = stdout.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("| /"))
                .findFirst()
                .orElseThrow();
        assertThat(row).endsWith("| – | – | – |");
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = CompareCaptioners.run(
                new String[] {"--images=x", copy.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--out", "usage: CompareCaptioners");
    }

    /** img0, img1 match a reference exactly; img2 shares no word with its reference. */
    private static void assertScores(JsonObject scores, List<String> captions) {
        assertThat(scores.get("images").getAsInt()).isEqualTo(3);
        assertThat(scores.get("rougeL").getAsDouble()).isCloseTo(200.0 / 3, within(1e-6));
        int words0 = Tokenization.words(captions.get(0)).size();
        int words1 = Tokenization.words(captions.get(1)).size();
        int words2 = Tokenization.words(captions.get(2)).size();
        double wer = 100.0 * Math.max(words2, 4) / (words0 + words1 + 4);
        assertThat(scores.get("wer").getAsDouble()).isCloseTo(wer, within(1e-6));
        double bleu = Bleu.corpus(
                        captions.subList(0, 3),
                        List.of(List.of(captions.get(0), "a blue sky"), List.of(captions.get(1)), List.of(UNRELATED)))
                .bleu();
        assertThat(scores.get("bleu4").getAsDouble())
                .isCloseTo(bleu, within(1e-9))
                .isBetween(0.0, 100.0);
    }

    private List<String> captionsOfBlipTiny() {
        try (BlipCaptioner captioner = BlipCaptioner.load(
                Fixtures.model("blip-tiny"), CaptionOptions.defaults().withMaxNewTokens(20))) {
            List<String> captions = new ArrayList<>();
            for (BufferedImage image : generated) {
                captions.add(captioner.caption(List.of(image)).get(0));
            }
            assertThat(captions)
                    .allSatisfy(caption -> assertThat(caption).isNotBlank().doesNotContain(UNRELATED));
            return captions;
        }
    }

    private static String quoted(String text) {
        return new com.google.gson.Gson().toJson(text);
    }
}
