package dev.glimpse.importing;

/** An import stopped early because storage or the database failed; what it stored so far stays stored. */
public final class ImportStoppedException extends RuntimeException {

    private final transient ImportSummary sofar;

    ImportStoppedException(String reason, ImportSummary sofar) {
        super(reason);
        this.sofar = sofar;
    }

    public ImportSummary sofar() {
        return sofar;
    }
}
