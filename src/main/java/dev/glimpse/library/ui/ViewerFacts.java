package dev.glimpse.library.ui;

import com.vaadin.flow.component.html.DescriptionList;
import dev.glimpse.library.ImageSummary;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What is known about an image, as a description list: file, size in bytes, dimensions, upload time, models. */
class ViewerFacts extends DescriptionList {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    ViewerFacts() {
        setId("viewer-facts");
        addClassName("viewer-facts");
    }

    void show(ImageSummary image) {
        removeAll();
        NumberFormat bytes = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        fact("File", image.fileName());
        double kb = image.byteSize() / 1024.0;
        String rounded = kb < 1024
                ? String.format(Locale.ROOT, "%.0f KB", Math.max(1, kb))
                : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
        fact("Size", bytes.format(image.byteSize()) + " bytes (" + rounded + ", " + image.mimeType() + ")");
        fact("Dimensions", image.width() + " × " + image.height() + " pixels");
        fact("Uploaded", TIME.format(image.createdAt()));
        fact("Caption by", image.captionByPerson() ? "a person" : orDash(image.captionModelName()));
        fact("Embedding model", orDash(image.embeddingModelName()));
    }

    private void fact(String term, @Nullable String value) {
        add(new Term(term), new Description(value));
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "—" : value;
    }
}
