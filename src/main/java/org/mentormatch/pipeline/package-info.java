/**
 * The stages in order: the nightly match (no file access: lines in, datasets out) and {@code
 * assign.sh}'s read-assign-write, with progress lines and stage timings.
 *
 * <p>May use: {@code org.mentormatch}, {@code assignment}, {@code candidates}, {@code clusters},
 * {@code config}, {@code decisions}, {@code explain}, {@code features}, {@code ingest}, {@code io},
 * {@code review}, {@code scoring}, {@code search}.
 */
package org.mentormatch.pipeline;
