/**
 * The member generator: synthetic members CSVs for the sample, tests and benchmarks.
 *
 * <p>Input: options (size, seed, broken rows, header order). Output: a members CSV in the
 * contract's format, streamed to a {@link java.io.Writer}, and a summary of what it holds. Entry
 * point: {@link org.mentormatch.tools.MemberGenerator}.
 *
 * <p>May use: no other package of this project (only the JDK and Commons CSV), so the generator
 * never learns from the matcher it feeds.
 */
package org.mentormatch.tools;
