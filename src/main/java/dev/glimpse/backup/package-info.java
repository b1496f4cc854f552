/**
 * Backup and restore of a whole library ({@code java -jar glimpse.jar backup FOLDER} / {@code restore FOLDER}): a
 * consistent snapshot of every table (one {@code REPEATABLE READ} transaction, each table copied with PostgreSQL's
 * {@code COPY}), the blobs its rows refer to, a manifest and SHA-256 checksums; restoring fills an empty library from
 * it, after which the server rebuilds its search index from the restored rows.
 */
@NullMarked
package dev.glimpse.backup;

import org.jspecify.annotations.NullMarked;
