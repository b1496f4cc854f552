package dev.glimpse.ingest;

/** Cleans a client-supplied file name for display; it is never used as a path. */
final class FileNames {

    private static final int MAX_LENGTH = 200;

    private FileNames() {}

    static String displayName(String name) {
        if (name == null) {
            return "unnamed";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = base.replaceAll("\\p{Cntrl}", "").strip();
        if (printable.isEmpty()) {
            return "unnamed";
        }
        return printable.length() <= MAX_LENGTH ? printable : printable.substring(0, MAX_LENGTH);
    }
}
