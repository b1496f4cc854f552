package dev.glimpse.backup;

import java.util.List;

/**
 * What a backup holds ({@code manifest.json}): when it was made and by which version, the change log's position and
 * the database migrations applied at that moment, each table's columns, row count and file, and the blobs' count and
 * size. Images whose blobs were deleted while the backup ran (deleted by a user meanwhile) are left out, by id.
 */
record BackupManifest(
        int format,
        String createdAt,
        String glimpseVersion,
        long changeLogPosition,
        List<String> changeSets,
        List<Table> tables,
        long blobs,
        long blobBytes,
        List<String> leftOutImages) {

    static final int FORMAT = 1;
    static final String FILE = "manifest.json";
    static final String CHECKSUMS = "SHA256SUMS";

    /** One table: its columns in the order of its file, how many rows, and the file ({@code COPY} text format). */
    record Table(String name, List<String> columns, long rows, String file) {}
}
