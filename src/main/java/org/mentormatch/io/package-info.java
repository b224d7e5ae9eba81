/**
 * Every file read or written, on a local disk or any Hadoop file system: the home's layout and
 * lock, atomic runs, Avro and formula-safe CSV outputs, the ledger and outbox with their crash
 * recovery, and what earlier nights left (runs, phrase embeddings, the search's kept lists).
 *
 * <p>May use: {@code org.mentormatch}, {@code avro}, {@code decisions}, {@code search}, {@code
 * text}.
 */
package org.mentormatch.io;
