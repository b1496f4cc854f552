package dev.glimpse.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The search page's box: the words, the microphone (a compact {@link VoiceRecorder}) and Search in one row. The page
 * lends it to the header while it shows ({@link SearchBox}), so it stands where the header's box stands on every page.
 */
final class QueryBox extends Div {

    private final TextField words = new TextField();
    private final VoiceRecorder recorder = new VoiceRecorder();

    QueryBox(Runnable onSearch) {
        addClassName("search-box");
        words.setId("search-field");
        words.setAriaLabel("Search words");
        words.setPlaceholder("…or type it: a red car in the rain");
        words.setClearButtonVisible(true);
        words.addClassName("search-input");
        recorder.setId("recorder");
        recorder.getElement().setAttribute("compact", true);
        Button search = new Button("Search", click -> onSearch.run());
        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER).listenOn(words);
        add(words, recorder, search);
    }

    VoiceRecorder recorder() {
        return recorder;
    }

    String words() {
        return words.getValue();
    }

    void setWords(String text) {
        words.setValue(text);
    }

    void focusWords() {
        words.focus();
    }
}
