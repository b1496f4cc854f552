package dev.glimpse.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The microphone button of {@code frontend/components/glimpse-recorder.ts}. The browser records with MediaRecorder
 * and posts the clip to this component's Vaadin {@link UploadHandler} (security key in the URL, no endpoint of our
 * own); each recording is handed to the listeners as bytes, on the upload's request thread, not the UI thread.
 * Reading stops one byte past {@link #setMaxBytes the byte limit}, so a listener sees that a clip is too large
 * without the server ever holding more.
 */
@Tag("glimpse-recorder")
@JsModule("./components/glimpse-recorder.ts")
class VoiceRecorder extends Component {

    /** Receives one finished recording, off the UI thread. */
    @FunctionalInterface
    interface RecordingListener {
        void recorded(byte[] audio);
    }

    static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(15);
    static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private final List<RecordingListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long maxBytes = DEFAULT_MAX_BYTES;

    private final UploadHandler upload = this::upload;

    VoiceRecorder() {
        setMaxDuration(DEFAULT_MAX_DURATION);
    }

    /** The upload URL is registered with the UI that shows the recorder. */
    @Override
    protected void onAttach(AttachEvent event) {
        getElement().setAttribute("target", upload);
    }

    /** The browser stops recording by itself after this long (whole seconds, at least one). */
    void setMaxDuration(Duration duration) {
        getElement().setAttribute("max-seconds", String.valueOf(Math.max(1, duration.toSeconds())));
    }

    /** Starts recording as if the button was pressed (nothing happens while it cannot record). */
    void start() {
        getElement().callJsFunction("startRecording");
    }

    /** Disables recording and says why ({@code reason}); an empty reason enables it again. */
    void setUnavailable(String reason) {
        if (reason.isEmpty()) {
            getElement().removeAttribute("unavailable");
        } else {
            getElement().setAttribute("unavailable", reason);
        }
    }

    Duration getMaxDuration() {
        return Duration.ofSeconds(Long.parseLong(getElement().getAttribute("max-seconds")));
    }

    /** Recordings are read up to this many bytes plus one. */
    void setMaxBytes(long bytes) {
        if (bytes < 1 || bytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("max bytes must be between 1 and 2^31 - 2, not " + bytes);
        }
        this.maxBytes = bytes;
    }

    Registration addRecordingListener(RecordingListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands a clip to the listeners as if the browser had posted it. */
    void receive(byte[] audio) {
        listeners.forEach(listener -> listener.recorded(audio));
    }

    private void upload(UploadEvent event) throws IOException {
        try (InputStream input = event.getInputStream()) {
            receive(input.readNBytes((int) (maxBytes + 1)));
        }
    }
}
