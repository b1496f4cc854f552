/**
 * The change log and the index follower, beside the index they feed. The database is the source of truth and each
 * instance's Lucene index ({@link dev.glimpse.search.ImageIndex}) a replica: {@link dev.glimpse.search.index.ChangeLog}
 * appends one row per image change in the changing transaction (the library calls it just before each of its
 * transactions commits), and every instance's {@link dev.glimpse.search.index.IndexFollower} replays the rows after
 * its position into its index, woken by {@code NOTIFY} and polling as a backstop, then announces what it applied
 * ({@link dev.glimpse.search.index.IndexedChanges}).
 *
 * <p>Why here: the writer's ordering guarantee (sequence order is commit order) and the follower's reading strictly
 * after its position are one protocol, and the follower's only output is the index. It reads the {@code image} table
 * with SQL and names no library type, so the library (which writes through {@code ChangeLog} and listens for
 * {@code IndexedChanges}) depends on search and never the other way round. A named interface for that reason.
 */
@NamedInterface("index")
@NullMarked
package dev.glimpse.search.index;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
