package dev.glimpse.importing;

/**
 * What one run of an import did: {@code imported} new images, {@code duplicates} files whose image the library
 * already held (from an earlier run, another file of this folder or an upload), {@code refused} files that are not
 * acceptable images.
 */
public record ImportSummary(long imported, long duplicates, long refused) {

    /** The command's last line, exactly: {@code imported N, duplicates D, refused R}. */
    public String line() {
        return "imported " + imported + ", duplicates " + duplicates + ", refused " + refused;
    }
}
