/**
 * Bringing a whole folder of photos in ({@code java -jar glimpse.jar import FOLDER}): the tree is walked, every file
 * goes through the same checks as an upload (ingest), each distinct image is stored once (content hash, so a run
 * killed at any point and started again neither loses nor duplicates), imported images keep their path in the folder
 * and are captioned after the uploads waiting. Progress is a bar on a terminal and plain lines otherwise; refused files
 * are listed with their reasons in a report file.
 */
@NullMarked
package dev.glimpse.importing;

import org.jspecify.annotations.NullMarked;
