/**
 * The command-line entry points behind {@code jobs/*.sh}: options, configuration, the home's lock,
 * a pipeline, the outputs, and what the user is told. Nothing imports this package.
 *
 * <p>May use: {@code org.mentormatch}, {@code approval}, {@code assignment}, {@code bench}, {@code
 * config}, {@code console}, {@code decisions}, {@code features}, {@code io}, {@code pipeline},
 * {@code review}.
 */
package org.mentormatch.jobs;
