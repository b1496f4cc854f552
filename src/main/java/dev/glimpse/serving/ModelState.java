package dev.glimpse.serving;

/**
 * How one configured model stands, for the health endpoint, the start-up log and the pages.
 *
 * @param role what the model does (caption, embedding, speech)
 * @param model the configured hub id or folder
 * @param availability loaded, on disk, downloadable or missing
 * @param reason why it is missing, in a few words ("host not found"); null otherwise
 * @param detail the full message of the last failure; null when none
 * @param fix what the operator can do about it; null when nothing is needed
 */
public record ModelState(
        String role, String model, Availability availability, String reason, String detail, String fix) {

    /** Whether a model can be used. */
    public enum Availability {
        /** In memory, answering requests. */
        LOADED,
        /** Its files are on this machine; it loads on first use. */
        ON_DISK,
        /** Not on this machine, but the hub answers: it is downloaded on first use. */
        DOWNLOADABLE,
        /** Cannot be used: see the reason. */
        MISSING
    }

    public boolean missing() {
        return availability == Availability.MISSING;
    }

    /** The property that configures this model. */
    public String property() {
        return "glimpse." + role + ".model";
    }
}
