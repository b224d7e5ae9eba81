package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.Checkpoints;
import org.mentormatch.RunId;
import org.mentormatch.SparkTestSession;

/** A run's stage checkpoints: files under the home while it runs, gone when it ends or crashed. */
class RunCheckpointsIT {
  @TempDir Path dir;

  private final FileStore files =
      new FileStore(SparkTestSession.get().sparkContext().hadoopConfiguration());

  private Home home() {
    return Home.at(dir.resolve("home").toString());
  }

  private Path checkpoints() {
    return dir.resolve("home").resolve(".checkpoints");
  }

  private static long filesUnder(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void stageOutputsAreFilesUnderTheHomeWhileTheRunLastsAndGoneAfter() throws IOException {
    SparkContext spark = SparkTestSession.get().sparkContext();
    assertTrue(spark.getCheckpointDir().isEmpty(), "the shared session has none of its own");
    Dataset<Row> kept;
    try (RunCheckpoints run = RunCheckpoints.open(spark, files, home(), RunId.of("2026-11-21"))) {
      kept = SparkTestSession.get().range(100).toDF().transform(Checkpoints::keep);
      assertTrue(filesUnder(checkpoints()) > 0, "a reliable checkpoint, written to the home");
      assertEquals(100, kept.count());
    }
    assertEquals(0, filesUnder(checkpoints()), "deleted when the run ends");
    assertTrue(spark.getCheckpointDir().isEmpty(), "the session is as it was");
    Dataset<Row> local = SparkTestSession.get().range(10).toDF().transform(Checkpoints::keep);
    assertEquals(10, local.count()); // without a directory: a local checkpoint
  }

  @Test
  void theNextCommandOnTheHomeDeletesTheCheckpointsOfARunThatDied() throws IOException {
    SparkContext spark = SparkTestSession.get().sparkContext();
    RunCheckpoints.open(
        spark, files, home(), RunId.of("2026-11-21")); // and the driver dies: no close
    SparkTestSession.get().range(10).toDF().transform(Checkpoints::keep);
    spark.setCheckpointDir(null); // what the dead driver's session knew goes with it
    assertTrue(filesUnder(checkpoints()) > 0);
    try (HomeLock lock = HomeLock.acquire(files, home(), "match.sh --run-id 2026-11-22")) {
      assertEquals(1, lock.recovered().size(), lock.recovered().toString());
      assertTrue(lock.recovered().get(0).startsWith("removed the stage checkpoints 2026-11-21-"));
    }
    try (Stream<Path> s = Files.list(checkpoints())) {
      assertEquals(List.of(), s.toList());
    }
    assertFalse(Files.exists(dir.resolve("home").resolve("runs").resolve("2026-11-21")));
  }
}
