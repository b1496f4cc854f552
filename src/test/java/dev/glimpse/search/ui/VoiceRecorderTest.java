package dev.glimpse.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceRecorderTest {

    private final VoiceRecorder recorder = new VoiceRecorder();

    @Test
    void theBrowserIsToldTheLongestRecordingInWholeSeconds() {
        assertThat(recorder.getElement().getAttribute("max-seconds")).isEqualTo("15");

        recorder.setMaxDuration(Duration.ofMillis(8_700));

        assertThat(recorder.getElement().getAttribute("max-seconds")).isEqualTo("8");
        assertThat(recorder.getMaxDuration()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aRecordingLimitBelowOneSecondStillAllowsOneSecond() {
        recorder.setMaxDuration(Duration.ofMillis(300));

        assertThat(recorder.getElement().getAttribute("max-seconds")).isEqualTo("1");
    }

    @Test
    void listenersGetEachRecordingUntilTheyAreRemoved() {
        List<byte[]> heard = new ArrayList<>();
        Registration registration = recorder.addRecordingListener(heard::add);

        recorder.receive(new byte[] {1, 2});
        registration.remove();
        recorder.receive(new byte[] {3});

        assertThat(heard).containsExactly(new byte[] {1, 2});
    }

    @Test
    void aByteLimitOutsideWhatAnArrayHoldsIsRefused() {
        assertThatThrownBy(() -> recorder.setMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recorder.setMaxBytes(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
