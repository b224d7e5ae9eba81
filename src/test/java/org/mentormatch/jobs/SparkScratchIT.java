package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.JobProcess;
import org.mentormatch.SampleRun;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.HomeLock;

/**
 * Spark's shuffle and spill files, which hold member data, are written inside the programme's home
 * and never to the system's temporary folder; a night killed with SIGKILL leaves them there only
 * until the next command on the home, which removes them and says so.
 */
class SparkScratchIT {
  @TempDir Path dir;

  @Test
  void aKilledNightsSparkFilesStayInTheHomeUntilTheNextCommandRemovesThem() throws Exception {
    Path home = dir.resolve("home");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    JobProcess night =
        JobProcess.start(
            dir.resolve("match.log"),
            Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + tmp),
            "match.sh",
            "--master",
            "local[2]",
            "--members",
            SampleRun.SAMPLE.toAbsolutePath().toString(),
            "--home",
            home.toString(),
            "--run-id",
            "2026-12-01");
    Path scratch = home.resolve(".scratch");
    try {
      night.await("a shuffle file", () -> hasShuffleFile(scratch) || hasShuffleFile(tmp));
      assertEquals(List.of(), sparkFolders(tmp), "no member data in the temporary folder");
    } finally {
      night.kill();
    }
    assertTrue(hasShuffleFile(scratch), "the killed night left its files, in the home");

    try (HomeLock lock =
        HomeLock.acquire(new FileStore(new Configuration()), Home.at(home.toString()), "next")) {
      assertTrue(
          lock.recovered().contains("removed the Spark scratch files of 1 command(s) that stopped"),
          lock.recovered().toString());
    }
    try (Stream<Path> left = Files.list(scratch)) {
      assertEquals(List.of(), left.toList());
    }
    assertEquals(List.of(), sparkFolders(tmp));
    assertTrue(!night.printed("spark.local.dir will be overridden"), night.output());
  }

  /**
   * What in {@code folder} could hold member data: any block manager folder, and any file but the
   * native libraries that lz4, netlib and ONNX Runtime unpack there (spark-submit's own {@code
   * spark-*} and {@code artifacts-*} folders stay empty).
   */
  private static List<Path> sparkFolders(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith("blockmgr-")
                    || (Files.isRegularFile(p) && !name.matches(".*\\.so[0-9]*(\\.lck)?"));
              })
          .toList();
    }
  }

  private static boolean hasShuffleFile(Path scratch) {
    if (!Files.isDirectory(scratch)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(scratch)) {
      return s.anyMatch(
          p ->
              Files.isRegularFile(p)
                  && p.toString().contains("/blockmgr-")
                  && p.getFileName().toString().startsWith("shuffle_"));
    } catch (IOException | UncheckedIOException e) {
      return false; // Spark is creating and deleting files under the walk: ask again
    }
  }
}
