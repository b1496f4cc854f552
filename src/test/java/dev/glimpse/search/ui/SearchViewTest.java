package dev.glimpse.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.glimpse.search.ImageViewers;
import dev.glimpse.search.QueryPart;
import dev.glimpse.search.SearchFailures;
import dev.glimpse.search.SearchHit;
import dev.glimpse.search.SearchResults;
import dev.glimpse.search.Understood;
import dev.glimpse.search.VoiceSearchResult;
import dev.glimpse.serving.BusyException;
import dev.glimpse.speech.AudioDecodingException;
import dev.glimpse.speech.Transcript;
import dev.glimpse.testsupport.ComponentTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search page's own logic: it asks for one search per action, shows answers and messages as they arrive, cancels
 * a search that a newer one replaces, and drops answers that come too late. The searches are futures this test
 * completes itself, and changes pushed to the page wait in a queue until the test runs them (as {@code UI.access}
 * waits for the session lock), so every ordering can be tried. (Vaadin's browserless-test 1.1.x cannot start on Flow
 * 25.3, hence the plain component tree.)
 */
class SearchViewTest {

    private final PendingSearches searches = new PendingSearches();
    private final List<Runnable> pushed = new ArrayList<>();
    private SearchView view;

    @BeforeEach
    void openPage() {
        view = new SearchView(searches, Duration.ofSeconds(15), 1024);
        view.connect(pushed::add);
    }

    @Test
    void typedWordsAreSearchedAndTheHitsShownBestFirstWithTheBestMatchMarked() {
        typeAndSearch("red car");
        assertThat(searches.queries).containsExactly("red car");
        assertThat(visible("searching")).isTrue();

        searches.typed.getFirst().complete(results("red car", "a red car on a street", "a red bus"));
        roundTrip();

        assertThat(visible("searching")).isFalse();
        assertThat(shownCaptions()).containsExactly("a red car on a street", "a red bus");
        assertThat(cards().getFirst().getClassNames()).contains("best-match");
        assertThat(cards().get(1).getClassNames()).doesNotContain("best-match");
        assertThat(message().isVisible()).isFalse();
    }

    @Test
    void whatWasUnderstoodIsShownAsChipsAndRemovingOneSearchesTheSameWordsWithoutIt() {
        typeAndSearch("grandpa in lisbon last summer");
        Understood understood = new Understood(
                "old man",
                new Understood.Time(
                        "last summer", java.time.LocalDate.of(2025, 6, 1), java.time.LocalDate.of(2025, 8, 31)),
                "lisbon",
                List.of(),
                List.of("grandpa → old man"),
                List.of(),
                null,
                List.of());
        SearchResults answer = results("grandpa in lisbon last summer", "an old man on a bench");
        searches.typed.getFirst().complete(new SearchResults(answer.query(), answer.hits(), null, understood, false));
        roundTrip();

        UnderstoodChips chips = find(UnderstoodChips.class, "search-understood");
        assertThat(chips.isVisible()).isTrue();
        assertThat(chips.getChildren().map(chip -> chip.getElement().getAttribute("data-part")))
                .containsExactly("time", "place", "family");
        assertThat(chips.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .startsWith("When: last summer: 1 Jun 2025 – 31 Aug 2025");
        com.vaadin.flow.component.html.NativeButton removePlace = chips.getChildren()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .getChildren()
                .filter(child -> child instanceof com.vaadin.flow.component.html.NativeButton)
                .map(child -> (com.vaadin.flow.component.html.NativeButton) child)
                .findFirst()
                .orElseThrow();
        com.vaadin.flow.component.ComponentUtil.fireEvent(
                removePlace, new com.vaadin.flow.component.ClickEvent<>(removePlace));

        assertThat(searches.queries).containsExactly("grandpa in lisbon last summer", "grandpa in lisbon last summer");
        assertThat(searches.without).containsExactly(java.util.Set.of(), java.util.Set.of(QueryPart.PLACE));
        typeAndSearch("red car");
        assertThat(searches.without.getLast()).isEmpty();
    }

    @Test
    void closestMatchesAreShownWithAMessageSayingSo() {
        typeAndSearch("quarterly tax return");
        SearchResults answer = results("quarterly tax return", "a red car");
        searches.typed
                .getFirst()
                .complete(new SearchResults(
                        answer.query(), answer.hits(), SearchResults.CLOSEST_MATCHES, Understood.literal("x"), true));
        roundTrip();

        assertThat(shownCaptions()).containsExactly("a red car");
        assertThat(message().isVisible()).isTrue();
        assertThat(message().getText()).isEqualTo(SearchResults.CLOSEST_MATCHES);
    }

    @Test
    void aNewQueryCancelsThePreviousOne() {
        typeAndSearch("red car");
        typeAndSearch("blue boat");

        assertThat(searches.typed.getFirst()).isCancelled();
        assertThat(searches.typed.get(1)).isNotDone();
        searches.typed.get(1).complete(results("blue boat", "a blue boat"));
        roundTrip();
        assertThat(shownCaptions()).containsExactly("a blue boat");
    }

    @Test
    void anAnswerArrivingAfterANewerQueryStartedIsIgnored() {
        typeAndSearch("red car");
        searches.typed.getFirst().complete(results("red car", "a red car"));
        typeAndSearch("blue boat");
        roundTrip();

        assertThat(shownCaptions()).isEmpty();
        assertThat(visible("searching")).isTrue();
        searches.typed.get(1).complete(results("blue boat", "a blue boat"));
        roundTrip();
        assertThat(shownCaptions()).containsExactly("a blue boat");
    }

    @Test
    void anEmptyLibraryShowsTheServiceMessageInsteadOfResults() {
        typeAndSearch("red car");
        searches.typed.getFirst().complete(new SearchResults("red car", List.of(), SearchResults.EMPTY_LIBRARY));
        roundTrip();

        assertThat(message().isVisible()).isTrue();
        assertThat(message().getText()).isEqualTo(SearchResults.EMPTY_LIBRARY);
        assertThat(cards()).isEmpty();
    }

    @Test
    void aSpokenSearchShowsASpinnerThenTheTranscriptWhichCanBeCorrectedAndSearchedAgain() {
        record(new byte[] {1, 2, 3});
        assertThat(visible("transcribing")).isTrue();
        assertThat(visible("searching")).isFalse();
        assertThat(searches.recordings).hasSize(1);
        assertThat(searches.translated).containsExactly(false);

        searches.spoken
                .getFirst()
                .complete(new VoiceSearchResult(
                        new Transcript("a red car", "en", 2.5), results("a red car", "a red car parked")));
        roundTrip();

        assertThat(visible("transcribing")).isFalse();
        TextField transcript = find(TextField.class, "transcript");
        assertThat(transcript.isVisible()).isTrue();
        assertThat(transcript.getValue()).isEqualTo("a red car");
        assertThat(shownCaptions()).containsExactly("a red car parked");

        transcript.setValue("a red bicycle");
        find(Button.class, "transcript-search").click();
        assertThat(searches.queries).containsExactly("a red bicycle");
    }

    @Test
    void translateToEnglishIsAskedForWhenTicked() {
        find(Checkbox.class, "translate").setValue(true);
        record(new byte[] {4});

        assertThat(searches.translated).containsExactly(true);
    }

    @Test
    void anUnreadableRecordingShowsWhyInsteadOfAnError() {
        record(new byte[0]);
        searches.spoken.getFirst().completeExceptionally(new AudioDecodingException("The recording is empty."));
        roundTrip();

        assertThat(message().getText()).isEqualTo("The recording is empty.");
        assertThat(message().isVisible()).isTrue();
        assertThat(visible("transcribing")).isFalse();
        assertThat(visible("searching")).isFalse();
        assertThat(find(TextField.class, "transcript").isVisible()).isFalse();
    }

    @Test
    void aBusyServiceAndAFailingCallGivePlainMessages() {
        typeAndSearch("red car");
        searches.typed.getFirst().completeExceptionally(new BusyException("embedding", 8));
        roundTrip();
        assertThat(message().getText()).isEqualTo(SearchFailures.BUSY);

        searches.failNextCall = true;
        typeAndSearch("blue boat");
        assertThat(message().getText()).isEqualTo(SearchFailures.UNEXPECTED);
        assertThat(visible("searching")).isFalse();
    }

    @Test
    void leavingThePageCancelsTheSearchInFlight() {
        typeAndSearch("red car");

        view.disconnect();

        assertThat(searches.typed.getFirst()).isCancelled();
    }

    @Test
    void aRecordingArrivingAfterThePageWasLeftStartsNoSearch() {
        VoiceRecorder recorder = find(VoiceRecorder.class, "recorder");
        view.disconnect();

        recorder.receive(new byte[] {1});
        roundTrip();

        assertThat(searches.recordings).isEmpty();
    }

    @Test
    void aClientOverItsRateLimitIsToldToSlowDownAndNothingIsSearched() {
        SearchView limited = new SearchView(
                searches,
                spoken -> Optional.of(spoken ? "Slow down: recordings" : "Slow down: searches"),
                Duration.ofSeconds(15),
                1024,
                ImageViewers.NONE);
        limited.connect(pushed::add);
        view = limited;

        typeAndSearch("red car");
        record(new byte[] {1, 2, 3});

        assertThat(searches.queries).isEmpty();
        assertThat(searches.recordings).isEmpty();
        assertThat(message().isVisible()).isTrue();
        assertThat(message().getText()).isEqualTo("Slow down: recordings");
    }

    private void typeAndSearch(String words) {
        find(TextField.class, "search-field").setValue(words);
        find(Button.class, "search-button").click();
    }

    private void record(byte[] audio) {
        find(VoiceRecorder.class, "recorder").receive(audio);
        roundTrip();
    }

    private boolean visible(String id) {
        return find(HorizontalLayout.class, id).isVisible();
    }

    private Paragraph message() {
        return find(Paragraph.class, "search-message");
    }

    private List<Div> cards() {
        return ComponentTree.descendants(view)
                .filter(component -> component.getClassNames().contains("search-hit"))
                .map(Div.class::cast)
                .toList();
    }

    private List<String> shownCaptions() {
        return cards().stream()
                .flatMap(ComponentTree::descendants)
                .filter(component -> component.getClassNames().contains("hit-caption"))
                .map(caption -> caption.getElement().getText())
                .toList();
    }

    /** Runs the changes pushed to the page so far, as the UI does once it holds the session lock. */
    private void roundTrip() {
        while (!pushed.isEmpty()) {
            pushed.removeFirst().run();
        }
    }

    private <T extends Component> T find(Class<T> type, String id) {
        return ComponentTree.find(view, type, id);
    }

    private static SearchResults results(String query, String... captions) {
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < captions.length; i++) {
            UUID id = UUID.randomUUID();
            hits.add(new SearchHit(
                    id,
                    captions[i],
                    1.0 / (61 + i),
                    0.9 - i * 0.1,
                    "/api/images/" + id + "/content",
                    "/api/images/" + id + "/thumbnail"));
        }
        return new SearchResults(query, hits, null);
    }

    /** Records each search the page asks for and hands back a future that the test completes. */
    private static final class PendingSearches implements Searches {
        final List<String> queries = new ArrayList<>();
        final List<java.util.Set<QueryPart>> without = new ArrayList<>();
        final List<CompletableFuture<SearchResults>> typed = new ArrayList<>();
        final List<byte[]> recordings = new ArrayList<>();
        final List<Boolean> translated = new ArrayList<>();
        final List<CompletableFuture<VoiceSearchResult>> spoken = new ArrayList<>();
        boolean failNextCall;

        @Override
        public CompletableFuture<SearchResults> search(String query) {
            if (failNextCall) {
                failNextCall = false;
                throw new IllegalStateException("the service is closed");
            }
            queries.add(query);
            CompletableFuture<SearchResults> future = new CompletableFuture<>();
            typed.add(future);
            return future;
        }

        @Override
        public CompletableFuture<SearchResults> search(String query, java.util.Set<QueryPart> parts) {
            CompletableFuture<SearchResults> future = search(query);
            without.add(parts);
            return future;
        }

        @Override
        public CompletableFuture<VoiceSearchResult> searchSpoken(byte[] recording, boolean translateToEnglish) {
            recordings.add(recording);
            translated.add(translateToEnglish);
            CompletableFuture<VoiceSearchResult> future = new CompletableFuture<>();
            spoken.add(future);
            return future;
        }
    }
}
