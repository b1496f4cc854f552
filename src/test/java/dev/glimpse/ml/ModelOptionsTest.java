package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class ModelOptionsTest {

    @Test
    void parsesDevicesAndRefusesUnknownOnes() {
        assertThat(new ModelOptions(" GPU ", 0).djlDevice()).isEqualTo(Device.gpu());
        assertThat(ModelOptions.defaults().djlDevice()).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> new ModelOptions("tpu", 0)).hasMessageContaining("'tpu'");
        assertThatThrownBy(() -> new ModelOptions("cpu", -1)).hasMessageContaining("intraOpThreads");
    }

    @Test
    void applyToEngineSetsIntraOpThreads() {
        ModelOptions.defaults().applyToEngine();
        int before = JniUtils.getNumThreads();
        try {
            new ModelOptions("cpu", 1).applyToEngine();
            assertThat(JniUtils.getNumThreads()).isEqualTo(1);
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
