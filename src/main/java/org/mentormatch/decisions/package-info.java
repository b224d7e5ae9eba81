/**
 * What coordinators decide and what it means: coordinators and their scope, decision sheets and
 * their checks, the ledger's and outbox's records, and the programme's memory across nights.
 *
 * <p>Input: sheets, proposals, ledger records. Output: checked decisions, Avro records, tonight's
 * profiles with the history applied.
 *
 * <p>May use: {@code org.mentormatch}, {@code avro}, {@code ingest}, {@code introductions}, {@code
 * scoring}, {@code text}.
 */
package org.mentormatch.decisions;
