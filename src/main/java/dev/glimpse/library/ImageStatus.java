package dev.glimpse.library;

/** Where an image is on its way from upload to searchable. */
public enum ImageStatus {
    /** Bytes stored and row written; waiting for a captioning worker. */
    RECEIVED,
    /** Claimed by a worker that is captioning and embedding it. */
    CAPTIONING,
    /** Caption and embedding stored; searchable. */
    READY,
    /** Captioning failed; the reason is stored and the image can be retried. */
    FAILED,
    /** Deleted from a page: hidden everywhere and out of the index, purged after the few seconds it can be undone. */
    DELETED
}
