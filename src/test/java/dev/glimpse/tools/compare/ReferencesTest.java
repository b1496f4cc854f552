package dev.glimpse.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    @Test
    void readsCocoCaptionsByFileName() {
        String json = """
                {"images": [{"id": 7, "file_name": "val2014/a.jpg"}, {"id": 9, "file_name": "b.jpg"}],
                 "annotations": [{"image_id": 7, "id": 1, "caption": "A dog. "},
                                 {"image_id": 9, "id": 2, "caption": "a cat"},
                                 {"image_id": 7, "id": 3, "caption": "a puppy"}]}
                """;

        assertThat(References.coco(json))
                .containsEntry("a.jpg", List.of("A dog.", "a puppy"))
                .containsEntry("b.jpg", List.of("a cat"))
                .hasSize(2);
    }

    @Test
    void readsCsvWithHeaderQuotesAndSeveralRowsPerImage() {
        String csv = "file_name,caption\na.png,a dog on the beach\n\"b.png\",\"a cat, sleeping\"\n"
                + "a.png,\"a \"\"happy\"\" dog\"\r\n";

        assertThat(References.csv(csv))
                .containsEntry("a.png", List.of("a dog on the beach", "a \"happy\" dog"))
                .containsEntry("b.png", List.of("a cat, sleeping"));
    }

    @Test
    void refusesRowsWithoutExactlyTwoFields() {
        assertThatThrownBy(() -> References.csv("a.png,one,two\n")).hasMessageContaining("Line 1");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        assertThat(ModelEvaluation.percentile(values, 50)).isEqualTo(5);
        assertThat(ModelEvaluation.percentile(values, 90)).isEqualTo(9);
        assertThat(ModelEvaluation.percentile(new double[] {4}, 90)).isEqualTo(4);
    }

    @Test
    void progressBarFillsInProportion() {
        assertThat(ProgressBar.render("m", 5, 10, "x.png"))
                .contains("[" + "#".repeat(15) + ".".repeat(15) + "]")
                .contains("5/10 x.png");
    }
}
