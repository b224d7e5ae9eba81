package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Where a command's Spark scratch goes: the home's {@code .scratch}, unless the user chose. */
class SessionsTest {
  private static SparkConf local() {
    return new SparkConf(false).set("spark.master", "local[2]");
  }

  @Test
  void aLocalCommandKeepsItsScratchInTheHome() {
    assumeTrue(System.getenv("SPARK_LOCAL_DIRS") == null);
    assumeTrue(System.getenv("SPARK_EXECUTOR_DIRS") == null);
    assertEquals(
        Path.of("/srv/programmes/eng"),
        Sessions.scratchHome(local(), "/srv/programmes/eng").orElseThrow());
  }

  @Test
  void aChosenLocalDirAClusterAnotherFileSystemOrACommaLeaveItToSpark() {
    assertTrue(
        Sessions.scratchHome(local().set("spark.local.dir", "/fast/disk"), "/srv/eng").isEmpty());
    assertTrue(
        Sessions.scratchHome(new SparkConf(false).set("spark.master", "spark://m:7077"), "/srv/e")
            .isEmpty());
    assertTrue(Sessions.scratchHome(local(), "hdfs://namenode/eng").isEmpty());
    assertTrue(
        Sessions.scratchHome(local().set("spark.hadoop.fs.defaultFS", "hdfs://nn:8020"), "/hr/e")
            .isEmpty(),
        "a home on the default file system, HDFS");
    // spark.local.dir is a comma-separated list, so this path would name two folders.
    assertTrue(Sessions.scratchHome(local(), "/srv/eng,hr").isEmpty());
  }
}
