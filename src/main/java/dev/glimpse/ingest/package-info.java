/**
 * Getting images in: checking each upload (size, real type from its bytes, header dimensions, a full decode), storing
 * it once per content hash after the metadata policy (pixels and owner-valued EXIF/ICC kept; location, comments and
 * hidden data dropped), making its thumbnail, and recording it as an
 * {@link dev.glimpse.ingest.Image} row; captioning it in the background under a leased claim; recording every change
 * in the shared change log (the transactional outbox) that each instance's index follower replays into its search
 * index and its open pages. Also the upload page with the library grid and the image content endpoints.
 */
package dev.glimpse.ingest;
