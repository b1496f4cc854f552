package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.hub.HubException;
import dev.glimpse.serving.ModelUnavailableException;
import dev.glimpse.storage.StorageUnavailableException;
import java.io.IOException;
import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureReasonsTest {

    @Test
    void outagesOfTheInstallationAreExpectedAndSaidInOneLine() {
        var model = new ModelUnavailableException("caption", new HubException("Cannot reach the model hub\nat line 2"));
        var storage = new StorageUnavailableException("Could not read blob ab/cd", new IOException("disk gone"));

        assertThat(FailureReasons.isExpected(model)).isTrue();
        assertThat(FailureReasons.isExpected(storage)).isTrue();
        assertThat(FailureReasons.isExpected(new DataAccessResourceFailureException("no connection")))
                .isTrue();
        assertThat(FailureReasons.isExpected(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(FailureReasons.describe(model))
                .isEqualTo("the caption model is unavailable: Cannot reach the model hub");
        assertThat(FailureReasons.describe(storage))
                .isEqualTo("Could not read blob ab/cd (java.io.IOException: disk gone)");
    }

    @Test
    void bugsAreNotExpected() {
        assertThat(FailureReasons.isExpected(new NullPointerException())).isFalse();
        assertThat(FailureReasons.isExpected(new IllegalStateException("no decoder")))
                .isFalse();
        assertThat(FailureReasons.isExpected(new ConcurrentModificationException()))
                .isFalse();
    }
}
