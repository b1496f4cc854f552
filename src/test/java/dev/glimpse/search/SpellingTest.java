package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpellingTest {

    @TempDir
    Path folder;

    private ImageIndex index;

    @BeforeEach
    void indexCaptions() {
        index = new ImageIndex(folder);
        for (String caption : Set.of("a waterfall in the woods", "a staircase with stairs", "a plate of cookies")) {
            index.upsert(new IndexedImage(UUID.randomUUID(), caption, new float[] {1, 0, 0}));
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aWordNoCaptionHasBecomesTheCaptionWordItIsOneSlipAwayFrom() {
        assertThat(correction("watterfall", KnownWords.NONE)).isEqualTo("waterfall");
        assertThat(correction("cookeis", KnownWords.NONE)).isEqualTo("cookies");
        assertThat(correction("stars", KnownWords.NONE)).isEqualTo("stairs");
    }

    @Test
    void aRealWordIsLeftAsTypedThoughNoCaptionHasIt() {
        KnownWords dictionary = Set.of("stars")::contains;

        assertThat(correction("stars", dictionary)).isNull();
        assertThat(correction("watterfall", dictionary)).isEqualTo("waterfall");
    }

    @Test
    void aCaptionWordOrItsPluralIsNotCorrected() {
        assertThat(correction("waterfall", KnownWords.NONE)).isNull();
        assertThat(correction("waterfalls", KnownWords.NONE)).isNull();
    }

    private String correction(String word, KnownWords known) {
        return index.withSearcher(searcher -> new Spelling(searcher.getIndexReader(), known).correction(word));
    }
}
