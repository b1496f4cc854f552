package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> EvaluationSet.parse("x.tsv", "a car\tq\textra\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
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
