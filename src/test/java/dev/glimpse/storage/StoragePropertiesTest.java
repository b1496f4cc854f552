package dev.glimpse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The free space a local store keeps is validated: zero turns the check off, a negative size is refused. */
class StoragePropertiesTest {

    @Test
    void negativeMinimumFreeSpaceIsRefusedAndZeroOrPositiveAccepted() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();

            assertThat(validator.validate(local(DataSize.ofMegabytes(-1))))
                    .singleElement()
                    .satisfies(violation -> assertThat(violation.getMessage()).isEqualTo("must not be negative"));
            assertThat(validator.validate(local(DataSize.ofBytes(0)))).isEmpty();
            assertThat(validator.validate(local(DataSize.ofMegabytes(512)))).isEmpty();
        }
    }

    private static StorageProperties.Local local(DataSize minFreeSpace) {
        return new StorageProperties.Local(Path.of("data/blobs"), minFreeSpace);
    }
}
