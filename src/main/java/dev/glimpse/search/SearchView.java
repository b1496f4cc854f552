package dev.glimpse.search;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.glimpse.base.MainLayout;
import dev.glimpse.ratelimit.RateLimiter;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.speech.SpeechProperties;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Find images by saying or typing what you remember. A recording is transcribed (translated to English if asked)
 * and searched in one service call; the transcript then stands under the recorder, where it can be corrected and
 * searched again. Every search runs in the background and its answer is pushed to the page; a new search cancels the
 * one before, and leaving the page cancels the one in flight.
 */
@Route(value = "search", layout = MainLayout.class)
@PermitAll
@PageTitle("Search · Glimpse")
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    static final Duration LONGEST_RECORDING = VoiceRecorder.DEFAULT_MAX_DURATION;

    private final Searches searches;
    private final SearchGate gate;
    private final LatestSearch latest = new LatestSearch();
    private final QueryBox box = new QueryBox(this::searchTyped);
    private final VoiceRecorder recorder = box.recorder();
    private final SpokenQuery spoken = new SpokenQuery(this::searchTranscript);
    private @Nullable SearchBox lentTo;
    private boolean listenOnAttach;
    private final HorizontalLayout searching = SearchPageParts.busy("searching", "Searching…");
    private final Paragraph message = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final SearchGallery results;
    private final UnderstoodChips understood = new UnderstoodChips(this::searchWithout);
    private final Set<QueryPart> without = EnumSet.noneOf(QueryPart.class);
    private String lastText = "";
    private @Nullable PageAccess page;
    private @Nullable Registration recordings;
    private String queryInUrl = "";
    private @Nullable String pendingQuery;

    @Autowired
    public SearchView(
            SearchService service,
            SpeechProperties speech,
            RateLimiter limiter,
            ObjectProvider<ImageViewers> viewers,
            ModelMonitor models) {
        this(
                Searches.of(service),
                SearchGate.of(limiter),
                SearchPageParts.shorter(LONGEST_RECORDING, speech.maxDuration()),
                speech.maxBytes().toBytes(),
                viewers.getIfAvailable(() -> ImageViewers.NONE));
        SpeechAvailability.watch(recorder, models);
    }

    SearchView(Searches searches, Duration longestRecording, long largestRecording) {
        this(searches, SearchGate.OPEN, longestRecording, largestRecording, ImageViewers.NONE);
    }

    SearchView(
            Searches searches,
            SearchGate gate,
            Duration longestRecording,
            long largestRecording,
            ImageViewers viewers) {
        this.searches = searches;
        this.gate = gate;
        this.results = new SearchGallery(viewers);
        addClassName("search-page");
        recorder.setMaxDuration(longestRecording);
        recorder.setMaxBytes(largestRecording);
        add(
                new H2("Find an image"),
                SearchPageParts.hint(),
                spoken.translateRow(),
                spoken.spinner(),
                spoken.transcriptRow(),
                box,
                searching);
        count.setId("search-count");
        count.addClassName("search-count");
        count.getElement().setAttribute("aria-live", "polite");
        count.setVisible(false);
        add(understood, count, message, results);
        message.setId("search-message");
        message.getElement().setAttribute("aria-live", "polite");
        message.setVisible(false);
        setWidthFull();
    }

    /**
     * The page's box goes to the header in place of the header's own, and takes the focus: the page is for searching.
     * Opened from the header's microphone ({@code ?listen}), the recorder starts at once.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        connect(PageAccess.of(event.getUI()));
        // once everything of this round trip is attached: the header's box may be attached after this page
        event.getUI().beforeClientResponse(this, context -> lendBoxToHeader(context.getUI()));
    }

    private void lendBoxToHeader(UI ui) {
        if (!isAttached()) {
            return;
        }
        lentTo = SearchBox.of(ui).orElse(null);
        if (lentTo != null) {
            lentTo.lend(box);
        }
        box.focusWords();
        if (listenOnAttach) {
            listenOnAttach = false;
            recorder.start();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        disconnect();
        if (lentTo != null) {
            lentTo.giveBack();
            lentTo = null;
        }
    }

    /** The page is shown: answers and recordings reach it through {@code page}. */
    void connect(PageAccess page) {
        disconnect();
        this.page = page;
        recordings = recorder.addRecordingListener(audio -> {
            Optional<String> refusal = gate.refuse(true);
            page.access(() -> refusal.ifPresentOrElse(this::say, () -> searchSpoken(audio)));
        });
        if (pendingQuery != null) {
            String text = pendingQuery;
            pendingQuery = null;
            startTextSearch(text);
        }
    }

    /**
     * The query lives in the URL ({@code /search?q=red+car}): opening, reloading or going Back to such an address
     * searches for it; a search typed here puts its words in the URL as a new history entry.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        String q = parameters.getSingleParameter("q").orElse("");
        queryInUrl = q;
        listenOnAttach = parameters.getParameters().containsKey(SearchBox.LISTEN);
        if (q.isBlank()) {
            pendingQuery = null;
            return;
        }
        box.setWords(q);
        if (page == null) {
            pendingQuery = q;
        } else {
            startTextSearch(q);
        }
    }

    /** The page is gone: the search in flight is cancelled and recordings are no longer listened to. */
    void disconnect() {
        latest.cancel();
        if (recordings != null) {
            recordings.remove();
            recordings = null;
        }
        page = null;
    }

    /** Searches for the typed words, and records them in the URL so that Back and reload find them again. */
    void searchTyped() {
        String text = box.words();
        putInUrl(text);
        startTextSearch(text);
    }

    /** The words searched for go into the URL as a new history entry (unless they are there already). */
    private void putInUrl(String text) {
        if (page != null && !text.isBlank() && !text.equals(queryInUrl)) {
            queryInUrl = text;
            getUI().ifPresent(ui ->
                    ui.getPage().getHistory().pushState(null, new Location("search", QueryParameters.of("q", text))));
        }
    }

    /** Searches again for the transcript, as the user may have corrected it. */
    void searchTranscript() {
        startTextSearch(spoken.transcript());
    }

    /** Searches the same words again without a part of what was understood (a chip removed). */
    void searchWithout(QueryPart part) {
        without.add(part);
        search(lastText);
    }

    private void startTextSearch(String text) {
        without.clear();
        search(text);
    }

    private void search(String text) {
        if (page == null) {
            return;
        }
        lastText = text;
        Set<QueryPart> parts = Set.copyOf(without);
        Optional<String> refusal = gate.refuse(false);
        if (refusal.isPresent()) {
            say(refusal.get());
            return;
        }
        showOnly(searching);
        latest.start(page, () -> searches.search(text, parts), this::show, this::fail);
    }

    private void searchSpoken(byte[] audio) {
        spoken.listening();
        showOnly(spoken.spinner());
        latest.start(page, () -> searches.searchSpoken(audio, spoken.translate()), this::showSpoken, this::fail);
    }

    /** What was heard stands in the search box and the URL, as if it had been typed. */
    private void showSpoken(VoiceSearchResult answer) {
        String heard = answer.transcript().text();
        box.setWords(heard);
        putInUrl(heard);
        spoken.heard(heard);
        show(answer.results());
    }

    private void show(SearchResults answer) {
        showOnly(null);
        understood.show(answer.understood());
        count.setText(SearchPageParts.matches(answer.hits().size()));
        count.setVisible(true);
        if (answer.hits().isEmpty()) {
            results.clear();
            say(answer.message());
        } else {
            message.setVisible(answer.message() != null);
            message.setText(answer.message() == null ? "" : answer.message());
            results.show(answer.query(), answer.hits());
        }
    }

    private void fail(Throwable failure) {
        showOnly(null);
        count.setVisible(false);
        understood.clear();
        results.clear();
        say(SearchFailures.message(failure));
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    /** Shows the one spinner for what the page waits for, or none. */
    private void showOnly(@Nullable HorizontalLayout spinner) {
        searching.setVisible(spinner == searching);
        spoken.spinner().setVisible(spinner == spoken.spinner());
    }
}
