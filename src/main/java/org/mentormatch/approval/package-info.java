/**
 * The approval gate: a coordinator's decisions checked whole against the run, the ledger and their
 * scope under the home's lock, then recorded and published all or nothing. The one way a decision
 * reaches a programme.
 *
 * <p>May use: {@code org.mentormatch}, {@code avro}, {@code decisions}, {@code io}.
 */
package org.mentormatch.approval;
