package dev.glimpse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages only use each other's public API, and dependencies never form a cycle. */
class ModuleBoundariesTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(GlimpseApplication.class).verify();
    }
}
