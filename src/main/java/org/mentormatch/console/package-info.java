/**
 * The coordinator's review console ({@code jobs/review.sh}): a small web server over a programme's
 * home, without Spark.
 *
 * <p>It reads runs and the ledger through {@code io}, decides only through {@code
 * decisions.DecisionService} (the path {@code jobs/decide.sh} takes), and shows what {@code review}
 * computed for report.html. It may import: {@code org.mentormatch.avro}, {@code decisions}, {@code
 * io}, {@code review}, the root package, Jetty ({@code org.eclipse.jetty}), JMustache, SLF4J and
 * Hadoop's {@code Path}; never {@code jobs} (but for {@code UserError} until it moves to the root)
 * nor Spark.
 */
package org.mentormatch.console;
