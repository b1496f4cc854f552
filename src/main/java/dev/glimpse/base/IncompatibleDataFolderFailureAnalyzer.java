package dev.glimpse.base;

import dev.glimpse.base.EmbeddedPostgresVersion.IncompatibleDataFolderException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a data folder of another PostgreSQL version into Spring Boot's short "APPLICATION FAILED TO START" report. */
class IncompatibleDataFolderFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleDataFolderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleDataFolderException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
