package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class DecodeThreadsTest {

    @Test
    void decodingRunsWithTheDecodeThreadCountAndRestoresTheThreadsCount() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        ModelOptions options = new ModelOptions("cpu", 0, 1);

        int during = options.decoding(JniUtils::getNumThreads);

        assertThat(during).isEqualTo(1);
        assertThat(JniUtils.getNumThreads()).isEqualTo(before);
    }

    @Test
    void severalRowsDecodeWithTheThreadsUsualCount() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        ModelOptions options = new ModelOptions("cpu", 0, 1);

        assertThat(options.decoding(4, JniUtils::getNumThreads)).isEqualTo(before);
        assertThat(options.decoding(1, JniUtils::getNumThreads)).isEqualTo(1);
    }

    @Test
    void zeroDecodeThreadsLeavesTheCountAloneAndNegativeIsRefused() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();

        assertThat(new ModelOptions("cpu", 0, 0).decoding(JniUtils::getNumThreads))
                .isEqualTo(before);
        assertThat(new ModelOptions("cpu", 0).decodeThreads()).isEqualTo(1);
        assertThatThrownBy(() -> new ModelOptions("cpu", 0, -1)).hasMessageContaining("decodeThreads");
    }
}
