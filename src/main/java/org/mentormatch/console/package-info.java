/**
 * The coordinator's review console ({@code jobs/review.sh}): a small web server over a programme's
 * home, without Spark. It reads runs and the ledger through {@code io}, decides only through the
 * approval gate (the path {@code jobs/decide.sh} takes), and shows what report.html computed.
 * Outside the project it uses Jetty, JMustache, SLF4J and Hadoop's {@code Path}; never Spark.
 *
 * <p>May use: {@code org.mentormatch}, {@code avro}, {@code approval}, {@code decisions}, {@code
 * io}, {@code review}.
 */
package org.mentormatch.console;
