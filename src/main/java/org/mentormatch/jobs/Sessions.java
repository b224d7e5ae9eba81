package org.mentormatch.jobs;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession of a command: the master spark-submit set, else embedded local Spark. */
public final class Sessions {
  private Sessions() {}

  /** The session for {@code appName}; settings given with {@code --conf} win over defaults here. */
  public static SparkSession open(String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    setIfAbsent(conf, "spark.master", "local[*]");
    setIfAbsent(conf, "spark.ui.showConsoleProgress", "false");
    setIfAbsent(conf, "spark.sql.session.timeZone", "UTC");
    if (conf.get("spark.master").startsWith("local")) {
      setIfAbsent(conf, "spark.ui.enabled", "false");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private static void setIfAbsent(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
