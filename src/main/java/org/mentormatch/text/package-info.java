/**
 * How text enters and leaves: UTF-8 decoding that keeps bad bytes visible, which characters user
 * text may hold, RFC 4180 records cut from Spark lines across partitions, and formula-safe CSV
 * cells.
 *
 * <p>Input: lines of a file, cells of a sheet. Output: records with their first line, checked text,
 * neutralised cells.
 *
 * <p>May use: {@code org.mentormatch}.
 */
package org.mentormatch.text;
