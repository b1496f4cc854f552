package dev.glimpse.serving;

import dev.glimpse.ml.hub.HubException;

/** What an operator can do about a missing model, in words, by the reason it is missing. */
final class ModelAdvice {

    private ModelAdvice() {}

    /**
     * The fix for a model that is missing for {@code kind} (null: its files are there but do not load), naming the
     * model's property, its folder and the hub.
     */
    static String fix(HubException.Kind kind, String property, String folder, String store, String hub) {
        String prefetch = "pre-fetch it on a machine that reaches the hub (java -jar glimpse.jar prefetch-models)"
                + " and copy its models/ folder to " + store;
        if (kind == null) {
            return "its files in " + folder + " do not load: delete that folder to download it again, or replace"
                    + " it with a complete copy";
        }
        return switch (kind) {
            case OFFLINE ->
                prefetch + ", or set glimpse.models.offline=false to let Glimpse download it, or point " + property
                        + " at a local folder";
            case HOST_NOT_FOUND, CONNECTION_REFUSED, UNREACHABLE ->
                "this machine cannot reach " + hub + ": " + prefetch + " and set glimpse.models.offline=true, or point "
                        + property + " at a local folder, or set glimpse.models.hub-url to a mirror it can reach";
            case NOT_FOUND ->
                "check " + property
                        + " (a hub id owner/name[@revision], or a local folder) and glimpse.models.hub-url (" + hub
                        + ")";
            case REFUSED ->
                "the repository may be private or gated: " + prefetch + ", or point " + property + " at a local folder";
            case CHECKSUM_MISMATCH ->
                "a proxy or mirror served different files: delete " + folder + " and try again, or " + prefetch;
            case FOLDER_MISSING ->
                "put the model (config.json, weights, tokenizer) in " + folder + ", or set " + property
                        + " to a hub id";
            case OTHER -> "check that " + store + " is writable and has room, or " + prefetch;
        };
    }
}
