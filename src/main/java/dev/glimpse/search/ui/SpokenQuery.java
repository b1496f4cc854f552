package dev.glimpse.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The voice part of the search page: "Translate to English", the spinner while a recording is transcribed, and what
 * was heard, which can be corrected and searched again.
 */
final class SpokenQuery {

    private final Checkbox translate = new Checkbox("Translate to English");
    private final HorizontalLayout transcribing = SearchPageParts.busy("transcribing", "Transcribing your recording…");
    private final TextField transcript = new TextField("What you said");
    private final Button searchAgain = new Button("Search again");

    SpokenQuery(Runnable onSearchAgain) {
        translate.setId("translate");
        translate.setTooltipText("Speak in any language; Glimpse searches the English captions for what you said.");
        transcript.setId("transcript");
        transcript.setPlaceholder("Nothing was heard");
        transcript.addClassName("search-input");
        transcript.setVisible(false);
        searchAgain.setId("transcript-search");
        searchAgain.setVisible(false);
        searchAgain.addClickListener(click -> onSearchAgain.run());
        searchAgain.addClickShortcut(Key.ENTER).listenOn(transcript);
    }

    HorizontalLayout translateRow() {
        HorizontalLayout row = new HorizontalLayout(translate);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        return row;
    }

    HorizontalLayout spinner() {
        return transcribing;
    }

    HorizontalLayout transcriptRow() {
        return SearchPageParts.searchRow(transcript, searchAgain);
    }

    boolean translate() {
        return translate.getValue();
    }

    /** A recording is on its way: the last transcript goes. */
    void listening() {
        transcript.setVisible(false);
        searchAgain.setVisible(false);
    }

    void heard(String text) {
        transcript.setValue(text);
        transcript.setVisible(true);
        searchAgain.setVisible(true);
    }

    String transcript() {
        return transcript.getValue();
    }
}
