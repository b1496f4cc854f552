package dev.glimpse.tools.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.search.IndexedPlace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSetTest {

    @TempDir
    Path folder;

    @Test
    void everyLineIsACaptionAndOnlyLinesWithAQueryAreQueries() {
        EvaluationSet set = EvaluationSet.parse(
                "set.tsv", "a red car\tcrimson automobile\na dog on a beach\t\n\na cat on a sofa\r\na boat\tboat \n");

        assertThat(set.captions()).containsExactly("a red car", "a dog on a beach", "a cat on a sofa", "a boat");
        assertThat(set.queries())
                .containsExactly(new EvaluationSet.Query("crimson automobile", 0), new EvaluationSet.Query("boat", 3));
    }

    @Test
    void optionalColumnsGiveTheKindTheDayTakenAndThePlaceAndTodayComesFromItsLine() {
        EvaluationSet set = EvaluationSet.parse(
                "set.tsv",
                "#today 2025-11-20\n# a comment\na tram\tthe tram in lisbon\tplace\t2023-10-10\tLisbon||Portugal\n"
                        + "a tram on a hill\t\t\t2024-04-04\na dog\tdog\n");

        assertThat(set.today()).isEqualTo(java.time.LocalDate.of(2025, 11, 20));
        assertThat(set.captions()).containsExactly("a tram", "a tram on a hill", "a dog");
        assertThat(set.queries())
                .containsExactly(
                        new EvaluationSet.Query("the tram in lisbon", 0, "place"), new EvaluationSet.Query("dog", 2));
        assertThat(set.facts().get(0).place()).isEqualTo(new IndexedPlace("Lisbon", null, "Portugal"));
        assertThat(set.facts().get(0).takenAt()).isEqualTo(java.time.Instant.parse("2023-10-10T12:00:00Z"));
        assertThat(set.facts().get(1).place()).isNull();
        assertThat(set.facts().get(2)).isEqualTo(EvaluationSet.Facts.NONE);
    }

    @Test
    void fileIsReadAsUtf8WithOrWithoutByteOrderMark() throws Exception {
        Path file = folder.resolve("pairs.tsv");
        Files.writeString(file, "\uFEFFa café terrace\tcoffee outside\n", StandardCharsets.UTF_8);

        EvaluationSet set = EvaluationSet.read(file);

        assertThat(set.name()).isEqualTo("pairs.tsv");
        assertThat(set.captions()).containsExactly("a café terrace");
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> EvaluationSet.parse("x.tsv", "a car\tq\n\tquery without caption\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.tsv line 2: the caption is empty");
        assertThatThrownBy(() -> EvaluationSet.parse("x.tsv", "a car\tq\tkind\t2024-01-01\tLisbon\textra\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> EvaluationSet.parse("x.tsv", "a car\tq\tkind\tlast summer\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("2024-07-14");
        assertThatThrownBy(() -> EvaluationSet.parse("x.tsv", "a car\na dog\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no query");
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws Exception {
        Path file = folder.resolve("latin1.tsv");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\t', 'q'});

        assertThatThrownBy(() -> EvaluationSet.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8");
    }
}
