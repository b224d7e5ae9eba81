/**
 * The member generator: synthetic members CSVs for the sample, tests and benchmarks.
 *
 * <p>Input: options (size, seed, style, broken rows, header order). Output: a members CSV in the
 * contract's format, streamed to a {@link java.io.Writer}, and a summary of what it holds. Entry
 * points: {@link org.mentormatch.tools.MemberGenerator} (the sample's defaults) and {@code
 * jobs/generate.sh} (the realistic style).
 *
 * <p>May use: no other package of this project (only the JDK, Commons CSV and picocli), so the
 * generator never learns from the matcher it feeds.
 */
package org.mentormatch.tools;
