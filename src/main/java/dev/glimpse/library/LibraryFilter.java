package dev.glimpse.library;

/** Which images the library shows: all, those waiting for a caption, or those whose captioning failed; and words. */
public record LibraryFilter(Show show, String text) {

    /** The library's three views. */
    public enum Show {
        ALL,
        WAITING,
        FAILED
    }

    public static final LibraryFilter EVERYTHING = new LibraryFilter(Show.ALL, "");

    public LibraryFilter {
        show = show == null ? Show.ALL : show;
        text = text == null ? "" : text.strip();
    }

    public LibraryFilter withShow(Show newShow) {
        return new LibraryFilter(newShow, text);
    }

    public LibraryFilter withText(String newText) {
        return new LibraryFilter(show, newText);
    }
}
