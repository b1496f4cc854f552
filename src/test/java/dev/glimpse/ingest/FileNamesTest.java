package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void bidiOverrideCannotDisguiseAnExecutableAsAPicture() {
        assertThat(FileNames.displayName("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
    }

    @Test
    void formatControlAndSeparatorCharactersAreRemoved() {
        assertThat(FileNames.displayName("\uFEFFho\u200Bli\u2066day\u2069\u0000\u2028.png\u0007"))
                .isEqualTo("holiday.png");
        assertThat(FileNames.displayName("a\uD800b.png"))
                .as("unpaired surrogate")
                .isEqualTo("ab.png");
    }

    @Test
    void unicodeLettersAndEmojiStay() {
        String cjk = "夏休みの写真".repeat(25) + ".png";
        assertThat(FileNames.displayName("Café 🌅 " + cjk)).startsWith("Café 🌅 夏休み");
        assertThat(FileNames.displayName(cjk)).isEqualTo(cjk.substring(0, 150 + 4));
    }

    @Test
    void longNamesAreCutWithoutSplittingACharacter() {
        String name = "🌅".repeat(300);

        String shown = FileNames.displayName(name);

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(200);
        assertThat(shown).isEqualTo("🌅".repeat(200));
    }

    @Test
    void pathsAndInvisibleNamesAreReduced() {
        assertThat(FileNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.displayName("C:\\Users\\me\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(FileNames.displayName("\u202E\u200B ")).isEqualTo("unnamed");
        assertThat(FileNames.displayName(null)).isEqualTo("unnamed");
    }
}
