package dev.glimpse.search.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** The search page's small parts and words: spinners, field rows, the hint and the result count. */
final class SearchPageParts {

    private SearchPageParts() {}

    /** "1 image matches", "3 images match", "No image matches". */
    static String matches(long found) {
        if (found == 0) {
            return "No image matches";
        }
        String number = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(found);
        return found == 1 ? number + " image matches" : number + " images match";
    }

    /** A text field and its button side by side, on one baseline. */
    static HorizontalLayout searchRow(TextField field, Button button) {
        HorizontalLayout row = new HorizontalLayout(field, button);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.addClassName("search-row");
        return row;
    }

    static Paragraph hint() {
        return new Paragraph("Press the microphone button and say what you remember about the picture, then press"
                + " it again (or wait: it stops by itself). Or type a few words and press Enter.");
    }

    static HorizontalLayout busy(String id, String text) {
        ProgressBar spinner = new ProgressBar();
        spinner.setIndeterminate(true);
        spinner.addClassName("search-busy-bar");
        HorizontalLayout row = new HorizontalLayout(spinner, new Span(text));
        row.setId(id);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.getElement().setAttribute("role", "status");
        row.setVisible(false);
        return row;
    }

    static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
