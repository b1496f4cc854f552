package dev.glimpse.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.glimpse.ratelimit.RateLimiter;
import dev.glimpse.search.ImageViewers;
import dev.glimpse.search.SearchService;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.speech.AudioDecodingException;
import dev.glimpse.speech.SpeechProperties;
import dev.glimpse.testsupport.ComponentTree;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import java.nio.file.Files;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Unusable recordings reach the search page through the recorder and the real search service (FFmpeg decoding,
 * limits) and come back as the decoder's own sentence, shown where the results would be, with no transcript.
 */
@Tag("integration")
@GlimpseTest
class SearchViewRecordingTest {

    @Autowired
    SearchService service;

    @Autowired
    SpeechProperties speech;

    @Autowired
    RateLimiter limiter;

    @Autowired
    ObjectProvider<ImageViewers> viewers;

    @Autowired
    ModelMonitor models;

    private final BlockingQueue<Runnable> pushed = new LinkedBlockingQueue<>();
    private SearchView view;

    @BeforeEach
    void openPage() {
        view = new SearchView(service, speech, limiter, viewers, models);
        view.connect(pushed::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-empty.webm", "bad-random-bytes.webm", "bad-truncated-100-bytes.webm"})
    void anUnusableRecordingShowsWhatIsWrongWithIt(String fixture) throws Exception {
        byte[] recording = Files.readAllBytes(Fixtures.media(fixture));
        Throwable failure =
                catchThrowable(() -> service.searchSpoken(recording, false, 12).join());
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(AudioDecodingException.class);

        find(VoiceRecorder.class, "recorder").receive(recording);
        runPushedChange(); // the recording arrives: the transcribing spinner shows
        assertThat(find(HorizontalLayout.class, "transcribing").isVisible()).isTrue();
        runPushedChange(); // the answer arrives

        Paragraph message = find(Paragraph.class, "search-message");
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo(failure.getCause().getMessage());
        assertThat(find(HorizontalLayout.class, "transcribing").isVisible()).isFalse();
        assertThat(find(TextField.class, "transcript").isVisible()).isFalse();
    }

    private void runPushedChange() throws InterruptedException {
        Runnable change = pushed.poll(60, TimeUnit.SECONDS);
        assertThat(change).as("a change pushed to the page").isNotNull();
        change.run();
    }

    private <T extends Component> T find(Class<T> type, String id) {
        return ComponentTree.find(view, type, id);
    }
}
