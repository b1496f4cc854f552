package dev.glimpse.ml.hub;

import java.util.regex.Pattern;

/**
 * A Hugging Face model repository ({@code owner/name}) at a revision (branch, tag or commit). Both parts are
 * validated so that neither can escape the model store's folder nor change the hub URL's path.
 */
public record ModelRef(String repo, String revision) {

    public static final String DEFAULT_REVISION = "main";

    private static final Pattern REPO_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

    public ModelRef {
        validateRepo(repo);
        validateRevision(revision);
    }

    public ModelRef(String repo) {
        this(repo, DEFAULT_REVISION);
    }

    /** Parses {@code owner/name} or {@code owner/name@revision}; the revision defaults to {@code main}. */
    public static ModelRef parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Model id is empty; expected owner/name or owner/name@revision");
        }
        String trimmed = spec.strip();
        int at = trimmed.indexOf('@');
        if (at < 0) {
            return new ModelRef(trimmed, DEFAULT_REVISION);
        }
        return new ModelRef(trimmed.substring(0, at), trimmed.substring(at + 1));
    }

    public String owner() {
        return repo.substring(0, repo.indexOf('/'));
    }

    public String name() {
        return repo.substring(repo.indexOf('/') + 1);
    }

    /** The store's folder name for the repository: {@code owner--name}. */
    String repoFolderName() {
        return owner() + "--" + name();
    }

    /** The store's folder name for the revision; a {@code /} in a branch name becomes {@code --}. */
    String revisionFolderName() {
        return revision.replace("/", "--");
    }

    @Override
    public String toString() {
        return repo + "@" + revision;
    }

    private static void validateRepo(String repo) {
        if (repo == null) {
            throw new IllegalArgumentException("Model repository id is missing");
        }
        String[] parts = repo.split("/", -1);
        if (parts.length != 2 || !validRepoPart(parts[0]) || !validRepoPart(parts[1])) {
            throw new IllegalArgumentException("Invalid model repository id '" + repo
                    + "': expected owner/name made of letters, digits, '.', '_' and '-'"
                    + " (for example Salesforce/blip-image-captioning-base)");
        }
    }

    private static boolean validRepoPart(String part) {
        return REPO_PART.matcher(part).matches() && !part.contains("..") && !part.contains("--") && !part.endsWith(".");
    }

    private static void validateRevision(String revision) {
        if (revision == null
                || !REVISION.matcher(revision).matches()
                || revision.contains("..")
                || revision.contains("--")
                || revision.contains("//")
                || revision.endsWith("/")
                || revision.endsWith(".")) {
            throw new IllegalArgumentException("Invalid model revision '" + revision
                    + "': expected a branch, tag or commit made of letters, digits, '.', '_', '-' and '/'");
        }
    }
}
