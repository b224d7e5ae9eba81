package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.SparkTestSession;
import scala.Tuple2;

/**
 * Paths holding what Spark's readers take for lists and patterns (commas, brackets, braces, stars,
 * question marks) name only themselves when read.
 */
class OddPathsIT {
  @TempDir java.nio.file.Path dir;

  private final FileStore files = new FileStore(new Configuration());

  /** A folder named like a careless user's, with a file and a decoy its pattern would match. */
  private Path aFileBesideItsDecoy() throws IOException {
    java.nio.file.Path odd = Files.createDirectories(dir.resolve("HR, 2026 [pilot] {a,b} *?"));
    Files.writeString(odd.resolve("a[1].txt"), "one\n", StandardCharsets.UTF_8);
    Files.writeString(odd.resolve("a1.txt"), "decoy\n", StandardCharsets.UTF_8);
    return new Path(odd.resolve("a[1].txt").toUri());
  }

  @Test
  void sparksReadersReadTheFileNamedAndNoOther() throws IOException {
    Path file = aFileBesideItsDecoy();
    assertEquals(
        List.of("one"),
        SparkTestSession.get()
            .read()
            .text(files.forReader(file))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
    assertEquals(List.of("one"), TextLines.read(SparkTestSession.get(), files, file, 2).collect());
  }

  @Test
  void eachFileIsReadOnTheExecutorsByItsOwnName() throws IOException {
    Path file = aFileBesideItsDecoy();
    Path decoy = new Path(file.getParent(), "a1.txt");
    Map<String, String> read = new TreeMap<>();
    for (Tuple2<String, String> t :
        files
            .readEach(
                SparkTestSession.get(),
                List.of(file, decoy),
                (name, in) ->
                    new Tuple2<>(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)))
            .collect()) {
      read.put(t._1(), t._2());
    }
    assertEquals(Map.of("a[1].txt", "one\n", "a1.txt", "decoy\n"), read);
  }
}
