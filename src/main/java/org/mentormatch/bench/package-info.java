/**
 * The benchmarks behind {@code jobs/bench.sh}: the OR-Library certification of the solver, the
 * blocking quality of the nightly assignment against the exact optimum, the paraphrase benchmark,
 * the phrase similarity's calibration and the model's speed, each writing its section of {@code
 * docs/benchmarks.md}.
 *
 * <p>May use: {@code org.mentormatch}, {@code assignment}, {@code candidates}, {@code config},
 * {@code features}, {@code io}, {@code pipeline}, {@code scoring}, {@code search}, {@code tools}.
 */
package org.mentormatch.bench;
