package org.mentormatch;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test run: two cores, two shuffle partitions, no UI, UTC.
 *
 * <p>Every integration test takes it from here, so Spark starts once per JVM.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  /** The shared session, started on first use and stopped when the JVM exits. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("mentor-match-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
