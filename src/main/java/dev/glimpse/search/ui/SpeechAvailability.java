package dev.glimpse.search.ui;

import com.vaadin.flow.component.UI;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelState;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps a recorder disabled, saying why, while the speech model is missing, so that nobody records a query that
 * cannot be transcribed; it is enabled again as soon as the model is back ({@link ModelMonitor#onChange}).
 */
final class SpeechAvailability {

    static final String ROLE = "speech";

    private SpeechAvailability() {}

    /** Follows the model's state while the recorder is on a page. */
    static void watch(VoiceRecorder recorder, ModelMonitor monitor) {
        watch(recorder, monitor::states, monitor::onChange);
    }

    interface Changes {
        Runnable onChange(Runnable listener);
    }

    static void watch(VoiceRecorder recorder, Supplier<List<ModelState>> states, Changes changes) {
        AtomicReference<Runnable> stop = new AtomicReference<>(() -> {});
        recorder.addAttachListener(attach -> {
            UI ui = attach.getUI();
            recorder.setUnavailable(reason(states.get()));
            stop.set(changes.onChange(() -> ui.access(() -> recorder.setUnavailable(reason(states.get())))));
        });
        recorder.addDetachListener(detach -> stop.getAndSet(() -> {}).run());
    }

    /** Why voice search cannot work now, in words; empty when the speech model can be used. */
    static String reason(List<ModelState> states) {
        return states.stream()
                .filter(state -> ROLE.equals(state.role()) && state.missing())
                .findFirst()
                .map(state -> "Voice search is off: the speech model is missing"
                        + (state.reason() == null ? "" : " (" + state.reason() + ")")
                        + ". Type your search instead.")
                .orElse("");
    }
}
