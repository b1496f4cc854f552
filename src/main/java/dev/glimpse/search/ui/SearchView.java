package dev.glimpse.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.glimpse.base.MainLayout;
import dev.glimpse.ratelimit.RateLimiter;
import dev.glimpse.search.ImageViewers;
import dev.glimpse.search.QueryPart;
import dev.glimpse.search.SearchResults;
import dev.glimpse.search.SearchService;
import dev.glimpse.search.VoiceSearchResult;
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
    private final BoxInHeader header = new BoxInHeader(box);
    private final QueryInUrl url = new QueryInUrl();
    private boolean listenOnAttach;
    private final SearchAnswer answer;
    private final Set<QueryPart> without = EnumSet.noneOf(QueryPart.class);
    private String lastText = "";
    private @Nullable PageAccess page;
    private @Nullable Registration recordings;
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
        this.answer = new SearchAnswer(viewers, this::searchWithout);
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
                answer.spinner());
        add(answer.parts());
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
        header.lend(ui);
        box.focusWords();
        if (listenOnAttach) {
            listenOnAttach = false;
            recorder.start();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        disconnect();
        header.giveBack();
    }

    /** The page is shown: answers and recordings reach it through {@code page}. */
    void connect(PageAccess page) {
        disconnect();
        this.page = page;
        recordings = recorder.addRecordingListener(audio -> {
            Optional<String> refusal = gate.refuse(true);
            page.access(() -> refusal.ifPresentOrElse(answer::say, () -> searchSpoken(audio)));
        });
        if (pendingQuery != null) {
            String text = pendingQuery;
            pendingQuery = null;
            startTextSearch(text);
        }
    }

    /** The query lives in the URL ({@link QueryInUrl}): an address with one searches for it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        String q = url.enter(parameters);
        listenOnAttach = QueryInUrl.listen(parameters);
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
        if (page != null) {
            getUI().ifPresent(ui -> url.push(ui, text));
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
            answer.say(refusal.get());
            return;
        }
        showOnly(answer.spinner());
        latest.start(page, () -> searches.search(text, parts), this::show, this::fail);
    }

    private void searchSpoken(byte[] audio) {
        spoken.listening();
        showOnly(spoken.spinner());
        latest.start(page, () -> searches.searchSpoken(audio, spoken.translate()), this::showSpoken, this::fail);
    }

    /** What was heard stands in the search box and the URL, as if it had been typed. */
    private void showSpoken(VoiceSearchResult spokenAnswer) {
        String heard = spokenAnswer.transcript().text();
        box.setWords(heard);
        putInUrl(heard);
        spoken.heard(heard);
        show(spokenAnswer.results());
    }

    private void show(SearchResults results) {
        showOnly(null);
        answer.show(results);
    }

    private void fail(Throwable failure) {
        showOnly(null);
        answer.fail(failure);
    }

    /** Shows the one spinner for what the page waits for, or none. */
    private void showOnly(@Nullable HorizontalLayout spinner) {
        answer.spinner().setVisible(spinner == answer.spinner());
        spoken.spinner().setVisible(spinner == spoken.spinner());
    }
}
