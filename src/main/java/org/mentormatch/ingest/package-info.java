/**
 * The ingest stage: a members CSV's lines to triaged member rows, every row used, excluded with a
 * reason, or rejected with every reason.
 *
 * <p>Input: the file's lines ({@code text.LenientUtf8}). Output: {@code MemberTable.PARSED} columns
 * plus {@code status, is_mentee, is_mentor}; the used, rejected and excluded rows.
 *
 * <p>May use: {@code org.mentormatch}, {@code config}, {@code text}.
 */
package org.mentormatch.ingest;
